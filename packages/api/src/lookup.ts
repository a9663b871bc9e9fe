// The one read-only view of other cluster objects that cross-object rules (X-*, JOB-14) and the
// plugin use. Implementations: a set of manifests (lint), a snapshot file, live informer caches.
// Every question is answered from an index (like client-go informers' indexers), so no rule lists
// a namespace to filter it: a rule's cost does not grow with the namespace.

import type { CompositePodGroup } from './scheduling-1.37.js';
import type { Job, KubeObject, Pod, PodGroup, PriorityClass, Workload } from './types.js';

export interface ObjectLookup {
  getWorkload(namespace: string, name: string): Promise<Workload | undefined>;
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined>;
  /** Pods whose spec.schedulingGroup.podGroupName is `podGroupName`. */
  podsOfPodGroup(namespace: string, podGroupName: string): Promise<readonly Pod[]>;
  /**
   * PodGroups whose spec.podGroupTemplateRef.workload names `workloadName` (and `templateName`, when
   * given) with both names set.
   */
  podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): Promise<readonly PodGroup[]>;
  /** PodGroups whose controller ownerReference names an owner of `kind` called `name` (JOB-14). */
  podGroupsControlledBy(namespace: string, kind: string, name: string): Promise<readonly PodGroup[]>;
  getJob(namespace: string, name: string): Promise<Job | undefined>;
  /** 1.37: a CompositePodGroup (v1alpha3), for the hierarchy checks (X-30..X-34, ADM-11). */
  getCompositePodGroup(namespace: string, name: string): Promise<CompositePodGroup | undefined>;
  /** 1.37: CompositePodGroups whose spec.workloadRef.workloadName is `workloadName`. */
  compositePodGroupsOfWorkload(namespace: string, workloadName: string): Promise<readonly CompositePodGroup[]>;
  /** 1.37: PodGroups and CompositePodGroups whose spec.parentCompositePodGroupName is `parentName` (ADM-12). */
  childrenOfCompositePodGroup(namespace: string, parentName: string): Promise<readonly KubeObject[]>;
  getPriorityClass(name: string): Promise<PriorityClass | undefined>;
  /** Every PriorityClass (cluster-scoped and few): priority admission needs the global default. */
  listPriorityClasses(): Promise<readonly PriorityClass[]>;
}

/** Raised by a lookup that could not answer (not synced, timed out, forbidden). */
export class LookupUnavailableError extends Error {}

/** A lookup that can answer nothing: every read fails with LookupUnavailableError(reason), never "not found". */
export function unavailableLookup(reason: string): ObjectLookup {
  const unavailable = (): Promise<never> => Promise.reject(new LookupUnavailableError(reason));
  return {
    getWorkload: unavailable,
    getPodGroup: unavailable,
    podsOfPodGroup: unavailable,
    podGroupsFromTemplate: unavailable,
    podGroupsControlledBy: unavailable,
    getJob: unavailable,
    getCompositePodGroup: unavailable,
    compositePodGroupsOfWorkload: unavailable,
    childrenOfCompositePodGroup: unavailable,
    getPriorityClass: unavailable,
    listPriorityClasses: unavailable,
  };
}
