// Where cross-object rules (X-*, JOB-14) and the PodGroup mutation read other objects from:
// a snapshot file (--snapshot), the live cluster (--kubeconfig), or nothing at all.

import { knownKind, kubeVersionOfObjects, parseObjectsFile, unavailableLookup } from '@kubectl-workload/api';
import type { KubeObject, KubeVersion, ObjectLookup } from '@kubectl-workload/api';
import { connect, InformerLookup, readSnapshotText } from '@kubectl-workload/cluster';
import type { AccessHints, ClusterClient } from '@kubectl-workload/cluster';
import { ManifestLookup } from '@kubectl-workload/rules';
import type { Logger } from 'pino';
import { FollowingLookup } from './following-lookup.js';
import type { Discovered } from './following-lookup.js';

export interface LookupSource {
  readonly lookup: ObjectLookup;
  /** Whether lookups can answer (/readyz): live caches report this once synced. */
  ready(): boolean;
  /** Objects held per kind, for the cache-size gauge. */
  cacheSizes(): Record<string, number>;
  close(): Promise<void>;
  /**
   * The Kubernetes version the source says the cluster runs, and who said it (for the log), when it
   * says one. A live source's may change: it follows the API server's discovery.
   */
  readonly kubeVersion?: SourceKubeVersion;
}

export interface SourceKubeVersion {
  readonly version: KubeVersion;
  /** "the API server's discovery", "the snapshot's objects". */
  readonly from: string;
}

function sourceKubeVersion(version: KubeVersion | undefined, from: string): { kubeVersion?: SourceKubeVersion } {
  return version ? { kubeVersion: { version, from } } : {};
}

function countByKind(objects: readonly KubeObject[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const obj of objects) {
    const kind = knownKind(obj);
    if (kind) sizes[kind] = (sizes[kind] ?? 0) + 1;
  }
  return sizes;
}

/** Static objects, read once: a List, a multi-document YAML or a JSON file. */
export async function snapshotSource(file: string): Promise<LookupSource> {
  const objects = parseObjectsFile(await readSnapshotText(file), file);
  const sizes = countByKind(objects);
  return {
    // A snapshot records its cluster's version in the API version its Workloads and PodGroups were read in.
    ...sourceKubeVersion(kubeVersionOfObjects(objects), "the snapshot's objects"),
    lookup: new ManifestLookup(objects),
    ready: () => true,
    cacheSizes: () => sizes,
    close: () => Promise.resolve(),
  };
}

/** The webhook reads the cluster only through --kubeconfig: remedies name that file, not kubectl's flags. */
const WEBHOOK_HINTS: AccessHints = {
  credentials: 'check the user in --kubeconfig',
  server: 'check the cluster server in --kubeconfig and that the API server is running',
  certificateAuthority: 'check the certificate-authority in --kubeconfig',
};

/**
 * A list the API server never answers (a half-open connection) must fail and be retried rather than
 * keep a cache unsynced forever; 60 s is the API server's own default --request-timeout.
 */
const LIST_TIMEOUT = '60s';

/** Discovery must not hold up start-up (or a later check) for long: an API server that does not answer says nothing. */
const DISCOVERY_WAIT_MS = 10_000;

function discover(client: ClusterClient): Promise<Discovered> {
  let timer: NodeJS.Timeout | undefined;
  const nothing: Discovered = { schedulingVersion: undefined, kubeVersion: undefined };
  const gaveUp = new Promise<Discovered>((resolve) => {
    timer = setTimeout(() => resolve(nothing), DISCOVERY_WAIT_MS);
  });
  const asked = Promise.all([client.schedulingVersion(), client.kubeVersion()]).then(
    ([schedulingVersion, kubeVersion]) => ({ schedulingVersion, kubeVersion }),
    () => nothing,
  );
  return Promise.race([asked, gaveUp]).finally(() => clearTimeout(timer));
}

export interface LiveOptions {
  /** How often discovery is read again to follow a control-plane upgrade (--discovery-interval); 0 or unset: never. */
  discoveryIntervalMs?: number;
  /** --kube-version: requests keep being checked against it when the served version changes. */
  pinnedKubeVersion?: KubeVersion;
}

/**
 * Informer caches over the cluster named by a kubeconfig (in a pod: one that points at the service
 * account token and CA). Lookups answer from memory; /readyz stays false until every cache listed.
 * The caches follow the scheduling.k8s.io version the API server serves (following-lookup.ts).
 */
export async function liveSource(kubeconfig: string, logger: Logger, options: LiveOptions = {}): Promise<LookupSource> {
  const client = await connect({ kubeconfig, requestTimeout: LIST_TIMEOUT }, process.env, WEBHOOK_HINTS);
  const lookup = await FollowingLookup.start({
    client,
    discover,
    informers: (versioned) =>
      new InformerLookup(versioned, {
        onError: (kind, message, retryInMs) =>
          logger.error({ kind, retryInSeconds: retryInMs / 1000 }, `${kind} cache sync failed: ${message}`),
      }).start(),
    intervalMs: options.discoveryIntervalMs ?? 0,
    ...(options.pinnedKubeVersion ? { pinnedKubeVersion: options.pinnedKubeVersion } : {}),
    logger,
  });
  const first = lookup.caches;
  let closed = false;
  void first.waitForSync(60_000).then((synced) => {
    if (synced) logger.info({ objects: first.cacheSizes() }, 'lookup caches synced');
    else if (!closed) logger.warn({ notReady: first.notReady() }, 'lookup caches not synced after 60 s, still trying');
  });
  return {
    // The version follows discovery: a getter, read per request.
    get kubeVersion() {
      return sourceKubeVersion(lookup.kubeVersion, "the API server's discovery").kubeVersion;
    },
    lookup,
    ready: () => lookup.caches.synced,
    cacheSizes: () => lookup.cacheSizes(),
    close: () => {
      closed = true;
      return lookup.close();
    },
  };
}

const NO_SOURCE = 'no --snapshot or --kubeconfig given, other objects cannot be read';

/**
 * Without a source every lookup is "unavailable", never "not found": a rule that needs another
 * object then resolves by --on-lookup-error instead of rejecting everything as missing.
 */
export function noSource(): LookupSource {
  return {
    lookup: unavailableLookup(NO_SOURCE),
    ready: () => true,
    cacheSizes: () => ({}),
    close: () => Promise.resolve(),
  };
}
