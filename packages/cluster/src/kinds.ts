// The kinds the plugin reads from a cluster, where they live in the API, and their TypeScript types.

import { SCHEDULING_API_VERSION, splitApiVersion } from '@kubectl-workload/api';
import type { Job, KubeObject, Node, Pod, PodDisruptionBudget, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

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

export interface ClusterKindTypes {
  Node: Node;
  Pod: Pod;
  PodGroup: PodGroup;
  Workload: Workload;
  Job: Job;
  PriorityClass: PriorityClass;
  PodDisruptionBudget: PodDisruptionBudget;
  Event: KubeEvent;
}

export type ClusterKind = keyof ClusterKindTypes;

export interface KindInfo {
  apiVersion: string;
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

function info(apiVersion: string, resource: string, namespaced: boolean): KindInfo {
  return { apiVersion, ...splitApiVersion(apiVersion), resource, namespaced };
}

export const CLUSTER_KINDS: Record<ClusterKind, KindInfo> = {
  Node: info('v1', 'nodes', false),
  Pod: info('v1', 'pods', true),
  PodGroup: info(SCHEDULING_API_VERSION, 'podgroups', true),
  Workload: info(SCHEDULING_API_VERSION, 'workloads', true),
  Job: info('batch/v1', 'jobs', true),
  PriorityClass: info('scheduling.k8s.io/v1', 'priorityclasses', false),
  PodDisruptionBudget: info('policy/v1', 'poddisruptionbudgets', true),
  Event: info('v1', 'events', true),
};

/** `podgroups.scheduling.k8s.io`, `pods`. */
export function qualifiedResourceOf(kind: ClusterKind): string {
  const { group, resource } = CLUSTER_KINDS[kind];
  return group ? `${resource}.${group}` : resource;
}

/** The REST path of a collection (namespace undefined: all namespaces) or of one object. */
export function resourcePath(kind: ClusterKind, namespace?: string, name?: string): string {
  const { apiVersion, group, resource, namespaced } = CLUSTER_KINDS[kind];
  const base = group ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const scope = namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${resource}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}
