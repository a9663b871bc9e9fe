// Small builders for the objects the plugin's unit tests need; only the fields a test names are set.

import type {
  CompositePodGroup,
  CompositePodGroupSpec,
  Job,
  KubeObject,
  Node,
  Pod,
  PodGroup,
  PodGroup137,
  PodGroupSpec137,
  PodGroupTemplate,
  Workload,
  Workload137,
  WorkloadSpec137,
} from '@kubectl-workload/api';

const SCHEDULING = 'scheduling.k8s.io/v1alpha2';

export function workload(name: string, templates: PodGroupTemplate[], namespace = 'default'): Workload {
  return { apiVersion: SCHEDULING, kind: 'Workload', metadata: { name, namespace }, spec: { podGroupTemplates: templates } };
}

export function gangTemplate(name: string, minCount: number, extra: Partial<PodGroupTemplate> = {}): PodGroupTemplate {
  return { name, schedulingPolicy: { gang: { minCount } }, ...extra };
}

export function podGroup(name: string, spec: PodGroup['spec'], extra: Partial<PodGroup> = {}, namespace = 'default'): PodGroup {
  return {
    apiVersion: SCHEDULING,
    kind: 'PodGroup',
    metadata: { name, namespace, creationTimestamp: '2026-11-23T10:00:00Z' },
    spec,
    ...extra,
  };
}

export function templateRef(workloadName: string, podGroupTemplateName: string) {
  return { workload: { workloadName, podGroupTemplateName } };
}

export function pod(
  name: string,
  group: string | undefined,
  extra: { nodeName?: string; namespace?: string; requests?: Record<string, string>; schedulerName?: string } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.namespace ?? 'default' },
    spec: {
      ...(group ? { schedulingGroup: { podGroupName: group } } : {}),
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
      ...(extra.schedulerName ? { schedulerName: extra.schedulerName } : {}),
      containers: [{ name: 'main', ...(extra.requests ? { resources: { requests: extra.requests } } : {}) }],
    },
    status: { phase: extra.nodeName ? 'Running' : 'Pending' },
  };
}

export function node(name: string, labels: Record<string, string>, allocatable: Record<string, string>): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, status: { allocatable, capacity: allocatable } };
}

export function job(name: string, spec: Job['spec'], extra: Partial<Job> = {}, namespace = 'default'): Job {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace, uid: `uid-${name}` }, spec, ...extra };
}

/** A 1.37 scheduling object as the API server returns it: group version, kind, metadata with a creation time. */
function scheduling137<T extends KubeObject>(apiVersion: string, kind: string, name: string, namespace: string, rest: Partial<T>): T {
  return { apiVersion, kind, metadata: { name, namespace, creationTimestamp: '2026-11-23T10:00:00Z' }, ...rest } as T;
}

/** A 1.37 PodGroup (v1beta1), optionally under a CompositePodGroup. */
export function podGroup137(name: string, spec: PodGroupSpec137, extra: Partial<PodGroup137> = {}, namespace = 'default'): PodGroup {
  return scheduling137<PodGroup137>('scheduling.k8s.io/v1beta1', 'PodGroup', name, namespace, { spec, ...extra }) as PodGroup;
}

/** A CompositePodGroup (v1alpha3 only). */
export function compositePodGroup(
  name: string,
  spec: CompositePodGroupSpec,
  extra: Partial<CompositePodGroup> = {},
  namespace = 'default',
): CompositePodGroup {
  return scheduling137<CompositePodGroup>('scheduling.k8s.io/v1alpha3', 'CompositePodGroup', name, namespace, { spec, ...extra });
}

/** A 1.37 Workload (v1beta1) with flat or composite templates. */
export function workload137(name: string, spec: WorkloadSpec137, extra: Partial<Workload137> = {}, namespace = 'default'): Workload {
  return { apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'Workload', metadata: { name, namespace }, spec, ...extra } as Workload;
}
