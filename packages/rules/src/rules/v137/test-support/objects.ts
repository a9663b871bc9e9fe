// 1.37 objects for the rule tests: v1beta1 Workload/PodGroup (v1alpha3 is the same), v1alpha3 CompositePodGroup.

import type {
  CompositePodGroup,
  CompositePodGroupTemplate,
  KubeObject,
  PodGroup137,
  PodGroupSpec137,
  PodGroupTemplate137,
  Workload137,
  WorkloadSpec137,
} from '@kubectl-workload/api';

export const meta = (name: string) => ({ name, namespace: 'ml' });

export function workload137(spec: WorkloadSpec137, name = 'train'): Workload137 {
  return { apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'Workload', metadata: meta(name), spec };
}

export const gangTemplate = (name: string, extra: Partial<PodGroupTemplate137> = {}): PodGroupTemplate137 => ({
  name,
  schedulingPolicy: { gang: { minCount: 2 } },
  ...extra,
});

export const composite = (
  name: string,
  children: Partial<CompositePodGroupTemplate> = { podGroupTemplates: [gangTemplate(`${name}-workers`)] },
  extra: Partial<CompositePodGroupTemplate> = {},
): CompositePodGroupTemplate => ({
  name,
  schedulingPolicy: { gang: { minGroupCount: 1 } },
  ...children,
  ...extra,
});

export function podGroup137(spec: PodGroupSpec137, extra: Partial<KubeObject> = {}): PodGroup137 {
  return {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'PodGroup',
    metadata: meta('workers'),
    spec: { schedulingPolicy: { gang: { minCount: 2 } }, ...spec },
    ...extra,
  };
}

export function compositePodGroup(spec: CompositePodGroup['spec']): CompositePodGroup {
  return { apiVersion: 'scheduling.k8s.io/v1alpha3', kind: 'CompositePodGroup', metadata: meta('job'), spec };
}
