// workload-webhook: the admission webhook server (flags follow Kubernetes component conventions).

import { isIP } from 'node:net';
import { FeatureGateError, KUBE_VERSIONS, ObjectsFileError, parseFeatureGatesByVersion } from '@kubectl-workload/api';
import type { KubeVersion } from '@kubectl-workload/api';
import { ClusterAccessError, OptionError } from '@kubectl-workload/cluster';
import { loadSeverityConfig, SeverityConfigError } from '@kubectl-workload/rules';
import { pino } from 'pino';
import type { Logger } from 'pino';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { liveSource, noSource, snapshotSource } from './lookup-source.js';
import type { LiveOptions, LookupSource } from './lookup-source.js';
import { parseDuration } from './duration.js';
import { DEFAULT_GRACE_MS, startWebhook } from './server.js';
import { TlsConfigError } from './tls.js';
import { VERSION } from './version.js';

/** Kubernetes gives a pod 30 s to stop by default; we promise 10 s, with the drain inside it. */
const EXIT_DEADLINE_MS = 9500;
const EXIT_USAGE = 2;

class ListenError extends Error {}

const USER_ERRORS = [ClusterAccessError, FeatureGateError, ListenError, ObjectsFileError, OptionError, SeverityConfigError, TlsConfigError];

/** Why the server could not listen, in terms of the flags that chose the address. */
function listenError(err: unknown, port: string, bindAddress: string): unknown {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRNOTAVAIL':
      return new ListenError(`--bind-address ${bindAddress}: no network interface of this host has that address`);
    case 'EADDRINUSE':
      return new ListenError(`--port ${port}: address already in use on ${bindAddress}`);
    case 'EACCES':
      return new ListenError(`--port ${port}: permission denied (ports below 1024 need CAP_NET_BIND_SERVICE)`);
    default:
      return err;
  }
}

function fail(message: string): never {
  process.stderr.write(`workload-webhook: error: ${message}\n`);
  process.exit(EXIT_USAGE);
}

function parseFlags(argv: string[]) {
  return (
    yargs(argv)
      .scriptName('workload-webhook')
      .usage('$0 [flags]\n\nAdmission webhook for Kubernetes v1.36 workload-aware scheduling (Workload, PodGroup, Pod, Job).')
      // A string, checked below: yargs turns `--port abc` into NaN.
      .option('port', { type: 'string', default: '8443', describe: 'HTTPS port (0: any free port)' })
      .option('bind-address', { type: 'string', default: '0.0.0.0', describe: 'IP address to listen on (0.0.0.0 or :: for all)' })
      .option('tls-cert-file', { type: 'string', describe: 'serving certificate (PEM); re-read when it changes' })
      .option('tls-private-key-file', { type: 'string', describe: 'serving key (PEM); re-read when it changes' })
      .option('feature-gates', {
        type: 'string',
        default: '',
        describe:
          "A=true,B=false over all gates of the Kubernetes version on; following a live cluster's upgrades, over both versions' gates",
      })
      .option('kube-version', {
        type: 'string',
        choices: KUBE_VERSIONS,
        describe:
          "the cluster's Kubernetes version (default: with --kubeconfig the API server's, from discovery; with --snapshot the version its objects were read in; else each object's apiVersion: v1alpha2 1.36, v1beta1/v1alpha3 1.37)",
      })
      .option('config', { type: 'string', describe: 'YAML file of per-rule actions: rules: {X-15: off, X-14: deny}' })
      .option('kubeconfig', { type: 'string', describe: 'live mode: read other objects through informers on this cluster' })
      .option('snapshot', {
        type: 'string',
        describe: 'static mode: objects for cross-object checks from a List, multi-document YAML or JSON file',
      })
      .conflicts('kubeconfig', 'snapshot')
      .option('on-lookup-error', {
        choices: ['allow', 'deny'] as const,
        default: 'allow' as const,
        describe: 'what to do when another object cannot be read',
      })
      .option('discovery-interval', {
        type: 'string',
        default: '1m',
        describe:
          "with --kubeconfig: how often the API server's discovery is read again, to follow an in-place upgrade (1.36 to 1.37) with the lookup caches and, without --kube-version, the checks (a duration: 30s, 1m, 1h; 0: never)",
      })
      .option('log-level', { choices: ['debug', 'info', 'warn', 'error'] as const, default: 'info' as const })
      .check((args) => {
        if (Boolean(args['tls-cert-file']) !== Boolean(args['tls-private-key-file'])) {
          throw new Error('--tls-cert-file and --tls-private-key-file go together');
        }
        if (!/^\d{1,5}$/.test(args.port) || Number(args.port) > 65535) throw new Error(`--port ${args.port}: not a port number (0-65535)`);
        if (!isIP(args['bind-address'])) throw new Error(`--bind-address ${args['bind-address']}: not an IP address`);
        discoveryIntervalMs(args['discovery-interval']);
        return true;
      })
      .strict()
      // Kubernetes components take the last of a repeated flag.
      .parserConfiguration({ 'duplicate-arguments-array': false })
      .version(VERSION)
      .help()
      .fail((msg, err) => fail(err ? err.message : msg))
      .parseAsync()
  );
}

/** --discovery-interval in milliseconds; a clear error for anything but a Go duration of 0 or more. */
function discoveryIntervalMs(flag: string): number {
  const ms = parseDuration(flag);
  if (ms === undefined) throw new Error(`--discovery-interval ${flag}: not a duration (e.g. 30s, 1m, 1m30s; 0 turns it off)`);
  if (ms < 0) throw new Error(`--discovery-interval ${flag}: must not be negative (0 turns it off)`);
  return ms;
}

function lookupSource(
  kubeconfig: string | undefined,
  snapshot: string | undefined,
  logger: Logger,
  live: LiveOptions,
): Promise<LookupSource> {
  if (kubeconfig) return liveSource(kubeconfig, logger, live);
  if (snapshot) return snapshotSource(snapshot);
  logger.warn('neither --kubeconfig nor --snapshot given: cross-object checks cannot run (see --on-lookup-error)');
  return Promise.resolve(noSource());
}

/**
 * --kube-version, else what the source says (live: discovery; snapshot: its objects' API version);
 * without either each object's apiVersion decides (MIG-01, ADM-10), and a live webhook warns.
 */
function kubeVersionOf(given: KubeVersion | undefined, source: LookupSource, live: boolean, logger: Logger): KubeVersion | undefined {
  if (given) return given;
  if (source.kubeVersion) {
    const { version, from } = source.kubeVersion;
    logger.info({ kubeVersion: version }, `no --kube-version given: checking against Kubernetes ${version}, from ${from}`);
    return version;
  }
  if (live)
    logger.warn(
      "no --kube-version given and the API server's version could not be discovered: each object's apiVersion decides (v1alpha2 1.36, v1beta1/v1alpha3 1.37)",
    );
  return undefined;
}

/**
 * The version whose gates alone --feature-gates may name. A live webhook without --kube-version may
 * follow an upgrade: below the newest version it also takes the newer version's gates, set ahead of
 * the upgrade; on the newest it refuses retired gates, like the components (MIG-05).
 */
function strictGatesVersion(given: KubeVersion | undefined, found: KubeVersion | undefined, live: boolean): KubeVersion | undefined {
  if (given) return given;
  return live && found !== KUBE_VERSIONS.at(-1) ? undefined : found;
}

async function main(argv: string[]): Promise<void> {
  const args = await parseFlags(argv);
  const logger = pino({ level: args['log-level'] });
  const given = KUBE_VERSIONS.find((v) => v === args['kube-version']);
  const source = await lookupSource(args.kubeconfig, args.snapshot, logger, {
    discoveryIntervalMs: discoveryIntervalMs(args['discovery-interval']),
    ...(given ? { pinnedKubeVersion: given } : {}),
  });
  const kubeVersion = kubeVersionOf(given, source, Boolean(args.kubeconfig), logger);
  const webhook = await startWebhook({
    port: Number(args.port),
    bindAddress: args['bind-address'],
    ...(args['tls-cert-file'] && args['tls-private-key-file']
      ? { tls: { certFile: args['tls-cert-file'], keyFile: args['tls-private-key-file'] } }
      : {}),
    gates: parseFeatureGatesByVersion(args['feature-gates'], strictGatesVersion(given, kubeVersion, Boolean(args.kubeconfig))),
    // Without --kube-version a live source's version follows discovery: read per request.
    kubeVersion: given ?? (() => source.kubeVersion?.version),
    ...(args.config ? { overrides: await loadSeverityConfig(args.config) } : {}),
    onLookupError: args['on-lookup-error'],
    source,
    logger,
  }).catch((err: unknown) => Promise.reject(listenError(err, args.port, args['bind-address'])));
  let stopping = false;
  const stop = (signal: string): void => {
    // A second signal does not wait for the drain, like the Kubernetes components.
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for in-flight reviews');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), EXIT_DEADLINE_MS).unref();
    webhook.shutdown(DEFAULT_GRACE_MS).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(hideBin(process.argv)).catch((err: unknown) => {
  if (USER_ERRORS.some((type) => err instanceof type)) fail((err as Error).message);
  throw err;
});
