import type { ObjectMeta, PodGroupTemplate, Workload, WorkloadSpec } from '@kubectl-workload/api';

export function workload(spec: WorkloadSpec, metadata: ObjectMeta = { name: 'w', namespace: 'ns' }): Workload {
  return { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', metadata, spec };
}

export const basic = (name = 't', extra: Partial<PodGroupTemplate> = {}): PodGroupTemplate => ({
  name,
  schedulingPolicy: { basic: {} },
  ...extra,
});
export const gang = (name = 't', minCount = 2, extra: Partial<PodGroupTemplate> = {}): PodGroupTemplate => ({
  name,
  schedulingPolicy: { gang: { minCount } },
  ...extra,
});

/** A Workload with the given templates. */
export const withTemplates = (...podGroupTemplates: PodGroupTemplate[]): Workload => workload({ podGroupTemplates });
