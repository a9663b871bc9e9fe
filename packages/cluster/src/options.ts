// The connection flags kubectl users expect (k8s.io/cli-runtime genericclioptions, ecosystem.md §A3),
// shared by every plugin command that talks to a cluster.

import type { Argv } from 'yargs';

export interface ClusterOptions {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  allNamespaces?: boolean;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  tlsServerName?: string;
  insecureSkipTlsVerify?: boolean;
  /** Impersonate this user (the Impersonate-User header). */
  as?: string;
  /** kubectl's duration: `0` (no timeout), `30`, `5s`, `2m`, `1h`. */
  requestTimeout?: string;
}

/** Commands that read cluster state also accept a snapshot file instead of a cluster. */
export interface SourceOptions extends ClusterOptions {
  snapshot?: string;
  /** Not a flag: also list Events from a live cluster (explain needs them; other commands skip the request). */
  withEvents?: boolean;
  /** Not a flag: also list Kueue's objects when the cluster serves kueue.x-k8s.io (explain follows Kueue-gated gangs). */
  withKueue?: boolean;
}

export class OptionError extends Error {}

export function withClusterOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('kubeconfig', { type: 'string', describe: 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' })
    .option('context', { type: 'string', describe: 'The kubeconfig context to use' })
    .option('cluster', { type: 'string', describe: 'The kubeconfig cluster to use' })
    .option('user', { type: 'string', describe: 'The kubeconfig user to use' })
    .option('namespace', { alias: 'n', type: 'string', describe: "Namespace (default: the context's, else default)" })
    .option('all-namespaces', { alias: 'A', type: 'boolean', describe: 'All namespaces' })
    .option('server', { alias: 's', type: 'string', describe: 'The address and port of the Kubernetes API server' })
    .option('token', { type: 'string', describe: 'Bearer token for authentication to the API server' })
    .option('certificate-authority', { type: 'string', describe: 'Path to a cert file for the certificate authority' })
    .option('client-certificate', { type: 'string', describe: 'Path to a client certificate file for TLS' })
    .option('client-key', { type: 'string', describe: 'Path to a client key file for TLS' })
    .option('tls-server-name', { type: 'string', describe: "Server name to verify the server's certificate against" })
    .option('insecure-skip-tls-verify', { type: 'boolean', describe: "Don't verify the server's certificate (insecure)" })
    .option('as', { type: 'string', describe: 'Username to impersonate for the operation' })
    .option('request-timeout', {
      type: 'string',
      default: '0',
      describe: 'How long to wait for one request before giving up (0 = no timeout; e.g. 1s, 2m)',
    })
    .group(
      [
        'kubeconfig',
        'context',
        'cluster',
        'user',
        'namespace',
        'all-namespaces',
        'server',
        'token',
        'certificate-authority',
        'client-certificate',
        'client-key',
        'tls-server-name',
        'insecure-skip-tls-verify',
        'as',
        'request-timeout',
      ],
      'Cluster access:',
    );
}

export function withClusterSourceOptions<T>(yargs: Argv<T>) {
  return withClusterOptions(yargs).option('snapshot', {
    type: 'string',
    describe: 'Read cluster state from this file (from `kubectl workload snapshot`) instead of a cluster',
  });
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for a kubectl `--request-timeout` value; 0 means no timeout. */
export function parseRequestTimeout(value: string | undefined): number {
  const text = (value ?? '0').trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new OptionError(`invalid --request-timeout "${text}": use a number of seconds or a duration such as 1s, 2m, 1h`);
  }
  return parts.reduce((ms, [, amount, unit]) => ms + Number(amount) * (UNIT_MS[unit as string] as number), 0);
}
