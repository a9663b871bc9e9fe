// The one read-only view of other cluster objects that cross-object rules (X-*, JOB-14) and the
// plugin use. Implementations: a set of manifests (lint), a snapshot file, live informer caches.

import type { Job, Pod, PodGroup, PriorityClass, Workload } from './types.js';

export interface ObjectLookup {
  getWorkload(namespace: string, name: string): Promise<Workload | undefined>;
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined>;
  listPodGroups(namespace: string): Promise<readonly PodGroup[]>;
  /** Pods of a namespace (X-18/X-19 compare the pods of one group; JOB-03 looks for a Job's pods). */
  listPods(namespace: string): Promise<readonly Pod[]>;
  getJob(namespace: string, name: string): Promise<Job | undefined>;
  getPriorityClass(name: string): Promise<PriorityClass | undefined>;
}

/** Raised by a lookup that could not answer (not synced, timed out, forbidden). */
export class LookupUnavailableError extends Error {}

/** A lookup that can answer nothing: every read fails with LookupUnavailableError(reason), never "not found". */
export function unavailableLookup(reason: string): ObjectLookup {
  const unavailable = (): Promise<never> => Promise.reject(new LookupUnavailableError(reason));
  return {
    getWorkload: unavailable,
    getPodGroup: unavailable,
    listPodGroups: unavailable,
    listPods: unavailable,
    getJob: unavailable,
    getPriorityClass: unavailable,
  };
}
