// Writes a kubeconfig for the test server (server URL, CA data, bearer token, a context with a
// namespace), as kubectl and client-node read it.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  caData: string;
  token: string;
  /** The context's namespace; omitted when undefined (clients then use `default`). */
  namespace?: string;
  contextName?: string;
  /** The cluster's proxy-url. */
  proxyUrl?: string;
  /** Write here instead of a fresh temp dir. */
  dir?: string;
}

export function kubeconfigYaml(options: KubeconfigOptions): string {
  const context = options.contextName ?? 'test';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'test-cluster',
        cluster: {
          server: options.server,
          'certificate-authority-data': Buffer.from(options.caData).toString('base64'),
          ...(options.proxyUrl ? { 'proxy-url': options.proxyUrl } : {}),
        },
      },
    ],
    users: [{ name: 'test-user', user: { token: options.token } }],
    contexts: [
      {
        name: context,
        context: { cluster: 'test-cluster', user: 'test-user', ...(options.namespace ? { namespace: options.namespace } : {}) },
      },
    ],
    'current-context': context,
  });
}

/** Writes the kubeconfig to `<dir>/kubeconfig` and returns its path. */
export async function writeKubeconfig(options: KubeconfigOptions): Promise<string> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'kubectl-workload-kubeconfig-')));
  const path = join(dir, 'kubeconfig');
  await writeFile(path, kubeconfigYaml(options), { mode: 0o600 });
  return path;
}
