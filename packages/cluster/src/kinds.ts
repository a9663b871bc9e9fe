// The kinds the plugin reads from a cluster, where they live in the API, and their TypeScript types.

import { KINDS, preferredApiVersion, splitApiVersion } from '@kubectl-workload/api';
import type { KubeVersion } from '@kubectl-workload/api';
import { DRA_KIND_NAMES, type DraKindTypes } from './dra-kinds.js';
import type {
  CompositePodGroup,
  CSINode,
  Job,
  KubeObject,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodDisruptionBudget,
  PodGroup,
  PriorityClass,
  ReplicaSet,
  ReplicationController,
  Service,
  StatefulSet,
  StorageClass,
  Workload,
} from '@kubectl-workload/api';

/** core/v1 Event, as `explain` reads it. */
export interface KubeEvent extends KubeObject {
  involvedObject?: { apiVersion?: string; kind?: string; namespace?: string; name?: string; uid?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: 'Normal' | 'Warning' | string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

export interface ClusterKindTypes extends DraKindTypes {
  Node: Node;
  Pod: Pod;
  PodGroup: PodGroup;
  CompositePodGroup: CompositePodGroup;
  Workload: Workload;
  Job: Job;
  PriorityClass: PriorityClass;
  PodDisruptionBudget: PodDisruptionBudget;
  Event: KubeEvent;
  PersistentVolumeClaim: PersistentVolumeClaim;
  PersistentVolume: PersistentVolume;
  StorageClass: StorageClass;
  CSINode: CSINode;
  Service: Service;
  ReplicationController: ReplicationController;
  ReplicaSet: ReplicaSet;
  StatefulSet: StatefulSet;
}

export type ClusterKind = keyof ClusterKindTypes;

/** Where a kind is read from: its row of the api package's kind table at the version the client reads. */
export interface KindInfo {
  apiVersion: string;
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

function info(kind: ClusterKind): KindInfo {
  const apiVersion = preferredApiVersion(kind);
  const { plural, namespaced } = KINDS[kind];
  return { apiVersion, ...splitApiVersion(apiVersion), resource: plural, namespaced };
}

const CLUSTER_KIND_NAMES: readonly ClusterKind[] = [
  'Node',
  'Pod',
  'PodGroup',
  'CompositePodGroup',
  'Workload',
  'Job',
  'PriorityClass',
  'PodDisruptionBudget',
  'Event',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'CSINode',
  'Service',
  'ReplicationController',
  'ReplicaSet',
  'StatefulSet',
  ...DRA_KIND_NAMES,
];

export const CLUSTER_KINDS = Object.fromEntries(CLUSTER_KIND_NAMES.map((kind) => [kind, info(kind)])) as Record<ClusterKind, KindInfo>;

/** `podgroups.scheduling.k8s.io`, `pods`. */
export function qualifiedResourceOf(kind: ClusterKind): string {
  const { group, resource } = CLUSTER_KINDS[kind];
  return group ? `${resource}.${group}` : resource;
}

/**
 * Workload and PodGroup in the version a cluster serves: 1.37 serves v1beta1 (else v1alpha3) and no
 * longer v1alpha2 (ADM-10, MIG-01); the client finds out through discovery.
 */
export const SCHEDULING_VERSIONS_BY_PREFERENCE = ['v1beta1', 'v1alpha3', 'v1alpha2'] as const;

/**
 * The one place that decides which scheduling.k8s.io version Workloads and PodGroups are read in
 * (and so written to snapshots in): the most stable one discovery lists. When it lists none, the
 * server's minor decides: a 1.37 server is asked for v1beta1, never v1alpha2 (ADM-10b: its storage
 * version is UNVERIFIED, v1beta1 by the usual most-stable rule, and never v1alpha2), so the error
 * names the version the operator must enable.
 */
export function schedulingReadVersion(served: readonly string[], kubeVersion: KubeVersion | undefined): string {
  return SCHEDULING_VERSIONS_BY_PREFERENCE.find((v) => served.includes(v)) ?? (kubeVersion === '1.37' ? 'v1beta1' : 'v1alpha2');
}
export const VERSIONED_SCHEDULING_KINDS: ReadonlySet<ClusterKind> = new Set(['Workload', 'PodGroup']);

export function withVersion(info: KindInfo, version: string): KindInfo {
  return { ...info, version, apiVersion: `${info.group}/${version}` };
}

/** The REST path of a collection (namespace undefined: all namespaces) or of one object. */
export function resourcePath(kind: ClusterKind, namespace?: string, name?: string, kindInfo: KindInfo = CLUSTER_KINDS[kind]): string {
  const { apiVersion, group, resource, namespaced } = kindInfo;
  const base = group ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const scope = namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${resource}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}
