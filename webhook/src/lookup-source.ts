// Where cross-object rules (X-*, JOB-14) and the PodGroup mutation read other objects from:
// a snapshot file (--snapshot), the live cluster (--kubeconfig), or nothing at all.

import { readFile } from 'node:fs/promises';
import { knownKind, LookupUnavailableError, ObjectsFileError, parseObjectsFile } from '@kubectl-workload/api';
import type { KubeObject, ObjectLookup } from '@kubectl-workload/api';
import { ManifestLookup } from '@kubectl-workload/rules';

export interface LookupSource {
  readonly lookup: ObjectLookup;
  /** Whether lookups can answer (/readyz): live caches report this once synced. */
  ready(): boolean;
  /** Objects held per kind, for the cache-size gauge. */
  cacheSizes(): Record<string, number>;
  close(): Promise<void>;
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ObjectsFileError(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const objects = parseObjectsFile(text, file);
  const sizes = countByKind(objects);
  return {
    lookup: new ManifestLookup(objects),
    ready: () => true,
    cacheSizes: () => sizes,
    close: () => Promise.resolve(),
  };
}

const NO_SOURCE = 'no --snapshot or --kubeconfig given, other objects cannot be read';

function unavailable(): Promise<never> {
  return Promise.reject(new LookupUnavailableError(NO_SOURCE));
}

/**
 * Without a source every lookup is "unavailable", never "not found": a rule that needs another
 * object then resolves by --on-lookup-error instead of rejecting everything as missing.
 */
export function noSource(): LookupSource {
  return {
    lookup: {
      getWorkload: unavailable,
      getPodGroup: unavailable,
      listPodGroups: unavailable,
      listPods: unavailable,
      getJob: unavailable,
      getPriorityClass: unavailable,
    },
    ready: () => true,
    cacheSizes: () => ({}),
    close: () => Promise.resolve(),
  };
}
