// Small builders for the POD/JOB/X rule tests: every object lives in namespace `ns`.

import type {
  Job,
  ObjectMeta,
  Pod,
  PodGroup,
  PodGroupSpec,
  PodGroupTemplate,
  PodSpec,
  TypedLocalObjectReference,
  Workload,
} from '@kubectl-workload/api';

export const NS = 'ns';

export function workload(
  name = 'w',
  templates: PodGroupTemplate[] = [{ name: 't', schedulingPolicy: { gang: { minCount: 2 } } }],
  meta: ObjectMeta = {},
  controllerRef?: TypedLocalObjectReference,
): Workload {
  return {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'Workload',
    metadata: { name, namespace: NS, ...meta },
    spec: { ...(controllerRef ? { controllerRef } : {}), podGroupTemplates: templates },
  };
}

export const templateRef = (workloadName = 'w', podGroupTemplateName = 't'): PodGroupSpec['podGroupTemplateRef'] => ({
  workload: { workloadName, podGroupTemplateName },
});

export function podGroup(spec: PodGroupSpec, meta: ObjectMeta = {}): PodGroup {
  return { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', metadata: { name: 'pg', namespace: NS, ...meta }, spec };
}

export function pod(spec: PodSpec, meta: ObjectMeta = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: NS, ...meta },
    spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
  };
}

export function job(spec: Job['spec'] = {}, meta: ObjectMeta = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'train', namespace: NS, uid: 'job-uid', ...meta },
    spec: {
      parallelism: 4,
      completions: 4,
      completionMode: 'Indexed',
      template: { spec: { containers: [{ name: 'c', image: 'i' }] } },
      ...spec,
    },
  };
}

/** A controller ownerReference to the `train` Job built by `job()`. */
export const jobOwner = (name = 'train', uid = 'job-uid') => ({ apiVersion: 'batch/v1', kind: 'Job', name, uid, controller: true });
