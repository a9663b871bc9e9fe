// Kueue's objects (kueue.x-k8s.io), read-only and optional: a cluster without Kueue does not serve the
// group, and then the state simply holds none. Field names follow Kueue's v1beta1/v1beta2 API; only
// what explain reads is typed.

import type { Condition, KubeObject, PodTemplateSpec, ResourceList } from '@kubectl-workload/api';
import type { ClusterClient, Scope } from './client.js';
import { ApiNotServedError, ForbiddenError, ObjectNotFoundError } from './errors.js';

export const KUEUE_GROUP = 'kueue.x-k8s.io';
/** The versions read, most stable first: Kueue 0.15+ serves v1beta2 beside v1beta1. */
export const KUEUE_VERSIONS_BY_PREFERENCE = ['v1beta2', 'v1beta1'] as const;

export interface KueuePodSet {
  name?: string;
  count?: number;
  minCount?: number;
  template?: PodTemplateSpec;
}

export interface KueueAdmission {
  clusterQueue?: string;
  podSetAssignments?: Array<{ name?: string; flavors?: Record<string, string>; resourceUsage?: ResourceList; count?: number }>;
}

export interface KueueWorkload extends KubeObject {
  spec?: { queueName?: string; podSets?: KueuePodSet[]; active?: boolean; priorityClassName?: string; priority?: number };
  status?: {
    conditions?: Condition[];
    admission?: KueueAdmission;
    /** Per pod set, the total requested (count × per-pod), written while the workload is not admitted. */
    resourceRequests?: Array<{ name?: string; resources?: ResourceList }>;
    admissionChecks?: Array<{ name?: string; state?: string; message?: string }>;
  };
}

export interface LocalQueue extends KubeObject {
  spec?: { clusterQueue?: string; stopPolicy?: string };
  status?: { conditions?: Condition[]; pendingWorkloads?: number; reservingWorkloads?: number; admittedWorkloads?: number };
}

export interface FlavorQuotas {
  name?: string;
  resources?: Array<{ name?: string; nominalQuota?: string | number; borrowingLimit?: string | number; lendingLimit?: string | number }>;
}

export interface FlavorUsage {
  name?: string;
  resources?: Array<{ name?: string; total?: string | number; borrowed?: string | number }>;
}

export interface ClusterQueue extends KubeObject {
  spec?: {
    resourceGroups?: Array<{ coveredResources?: string[]; flavors?: FlavorQuotas[] }>;
    /** v1beta1 `cohort`, v1beta2 `cohortName`. */
    cohort?: string;
    cohortName?: string;
    stopPolicy?: string;
  };
  status?: {
    conditions?: Condition[];
    flavorsReservation?: FlavorUsage[];
    flavorsUsage?: FlavorUsage[];
    pendingWorkloads?: number;
    reservingWorkloads?: number;
    admittedWorkloads?: number;
  };
}

export type ResourceFlavor = KubeObject;

export interface KueueState {
  workloads: KueueWorkload[];
  localQueues: LocalQueue[];
  clusterQueues: ClusterQueue[];
  resourceFlavors: ResourceFlavor[];
}

/** Each kind read, with its resource and its KueueState field, in snapshot order. */
export const KUEUE_KINDS = [
  { kind: 'ResourceFlavor', resource: 'resourceflavors', namespaced: false, field: 'resourceFlavors' },
  { kind: 'ClusterQueue', resource: 'clusterqueues', namespaced: false, field: 'clusterQueues' },
  { kind: 'LocalQueue', resource: 'localqueues', namespaced: true, field: 'localQueues' },
  { kind: 'Workload', resource: 'workloads', namespaced: true, field: 'workloads' },
] as const satisfies ReadonlyArray<{ kind: string; resource: string; namespaced: boolean; field: keyof KueueState }>;

export function emptyKueueState(): KueueState {
  return { workloads: [], localQueues: [], clusterQueues: [], resourceFlavors: [] };
}

export function isKueueObject(obj: KubeObject): boolean {
  return (obj.apiVersion ?? '').split('/')[0] === KUEUE_GROUP;
}

/** Sorts a Kueue object into `state`; false for a kind explain does not read (AdmissionCheck, Cohort, ...). */
export function addKueueObject(state: KueueState, obj: KubeObject, scope: Scope | undefined): boolean {
  const entry = KUEUE_KINDS.find((k) => k.kind === obj.kind);
  if (!entry) return false;
  if (entry.namespaced && scope && 'namespace' in scope && (obj.metadata?.namespace || 'default') !== scope.namespace) return true;
  (state[entry.field] as KubeObject[]).push(obj);
  return true;
}

export function kueueObjects(state: KueueState): KubeObject[] {
  return KUEUE_KINDS.flatMap((k) => state[k.field] as KubeObject[]);
}

/** The Kueue version the server prefers among those we read, or undefined when Kueue is not installed. */
async function servedVersion(client: ClusterClient): Promise<string | undefined> {
  try {
    const group = await client.rest.getJson<{ versions?: Array<{ version?: string }> }>(
      `/apis/${KUEUE_GROUP}`,
      {},
      { verb: 'discover', group: KUEUE_GROUP },
    );
    return KUEUE_VERSIONS_BY_PREFERENCE.find((v) => (group.versions ?? []).some((served) => served.version === v));
  } catch (err) {
    if (err instanceof ApiNotServedError || err instanceof ObjectNotFoundError) return undefined;
    throw err;
  }
}

export interface KueueListing {
  /** Undefined: the cluster does not serve kueue.x-k8s.io. */
  readonly state: KueueState | undefined;
  /** Kinds RBAC refused: why, per kind; the state holds none of them. */
  readonly forbidden: readonly string[];
}

/** Kueue's objects in the client's scope (cluster-scoped kinds in full); nothing when Kueue is not installed. */
export async function listKueue(client: ClusterClient, onProgress?: (kind: string, count: number) => void): Promise<KueueListing> {
  const version = await servedVersion(client);
  if (version === undefined) return { state: undefined, forbidden: [] };
  const state = emptyKueueState();
  const forbidden: string[] = [];
  const scope = client.scope;
  await Promise.all(
    KUEUE_KINDS.map(async ({ kind, resource, namespaced, field }) => {
      const namespace = namespaced && 'namespace' in scope ? scope.namespace : undefined;
      const path = `/apis/${KUEUE_GROUP}/${version}${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${resource}`;
      try {
        const items: KubeObject[] = [];
        let token: string | undefined;
        do {
          const page = await client.rest.getJson<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
            path,
            { limit: String(client.chunkSize), continue: token },
            { verb: 'list', resource: `${resource}.${KUEUE_GROUP}`, group: KUEUE_GROUP, version, namespace },
          );
          for (const item of page.items ?? []) items.push({ apiVersion: `${KUEUE_GROUP}/${version}`, kind, ...item });
          token = page.metadata?.continue || undefined;
        } while (token);
        (state[field] as KubeObject[]).push(...items);
        onProgress?.(kind, items.length);
      } catch (err) {
        if (!(err instanceof ForbiddenError)) throw err;
        forbidden.push(err.message);
      }
    }),
  );
  return { state, forbidden: forbidden.sort() };
}
