import type { ObjectMeta, PodGroup, PodGroupSpec, PodGroupStatus } from '@kubectl-workload/api';

export function podGroup(spec: PodGroupSpec, metadata: ObjectMeta = { name: 'pg', namespace: 'ns' }, status?: PodGroupStatus): PodGroup {
  return { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', metadata, spec, ...(status ? { status } : {}) };
}

/** A valid gang PodGroup spec with explicit disruptionMode (what a defaulted object holds). */
export const gangSpec = (extra: Partial<PodGroupSpec> = {}): PodGroupSpec => ({
  schedulingPolicy: { gang: { minCount: 2 } },
  disruptionMode: 'Pod',
  ...extra,
});

export const withStatus = (status: PodGroupStatus, spec: PodGroupSpec = gangSpec()): PodGroup => podGroup(spec, undefined, status);

/** A condition that passes PG-30..36. */
export const condition = (extra: Record<string, unknown> = {}) => ({
  type: 'PodGroupScheduled',
  status: 'True',
  lastTransitionTime: '2026-01-01T00:00:00Z',
  reason: 'Scheduled',
  message: '',
  ...extra,
});
