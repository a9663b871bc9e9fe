import { podSpecsOf } from './pod-specs.js';

const spec = { schedulingGroup: { podGroupName: 'pg' } };

describe('podSpecsOf', () => {
  it.each([
    ['v1', 'Pod', { spec }, 'spec'],
    ['apps/v1', 'Deployment', { spec: { template: { spec } } }, 'spec.template.spec'],
    ['apps/v1', 'StatefulSet', { spec: { template: { spec } } }, 'spec.template.spec'],
    ['apps/v1', 'ReplicaSet', { spec: { template: { spec } } }, 'spec.template.spec'],
    ['apps/v1', 'DaemonSet', { spec: { template: { spec } } }, 'spec.template.spec'],
    ['batch/v1', 'Job', { spec: { template: { spec } } }, 'spec.template.spec'],
    ['batch/v1', 'CronJob', { spec: { jobTemplate: { spec: { template: { spec } } } } }, 'spec.jobTemplate.spec.template.spec'],
  ])('finds the PodSpec of a %s %s at its path', (apiVersion, kind, body, path) => {
    expect(podSpecsOf({ apiVersion, kind, ...body })).toEqual([{ path, spec }]);
  });

  it('finds nothing in other kinds or objects without a template', () => {
    expect(podSpecsOf({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup', spec } as object)).toEqual([]);
    expect(podSpecsOf({ apiVersion: 'batch/v1', kind: 'Job', spec: {} } as object)).toEqual([]);
    expect(podSpecsOf({ apiVersion: 'v1', kind: 'Pod' })).toEqual([]);
  });
});
