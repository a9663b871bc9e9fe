// JOB-10/JOB-11 (1.36 api-rules, 1.37 api-rules-1.37) and JOB-28: how the Job controller finds its objects.

import type { Job, PodGroup, Workload } from '@kubectl-workload/api';
import { discoverJobPodGroup137, discoverJobWorkload, parentWorkloadOfJob } from './discovery.js';

const job: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'train', namespace: 'ml', uid: 'job-uid' },
  spec: { parallelism: 2 },
};
const byJob = [{ apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid: 'job-uid', controller: true }];
const workload = (name: string, templates: number, owned = true, apiVersion = 'scheduling.k8s.io/v1beta1'): Workload => ({
  apiVersion,
  kind: 'Workload',
  metadata: { name, namespace: 'ml', ...(owned ? { ownerReferences: byJob } : {}) },
  spec: {
    controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'train' },
    podGroupTemplates: Array.from({ length: templates }, (_, i) => ({ name: `t${i}`, schedulingPolicy: { basic: {} } })),
  },
});

describe('discoverJobWorkload (JOB-10)', () => {
  it('1.37: ignores a Workload naming the Job that the Job does not control (1.36 falls back on it)', () => {
    const byo = workload('byo', 1, false);
    expect(discoverJobWorkload(job, [byo], '1.37')).toEqual({ outcome: 'none', ignored: [byo] });
    expect(discoverJobWorkload(job, [byo], '1.36')).toEqual({ outcome: 'fallback', why: 'not-controlled', workloads: [byo] });
  });

  it('1.37: its own Workload without exactly one template is an error that requeues the Job (1.36: a silent fallback)', () => {
    const two = workload('train-x', 2);
    expect(discoverJobWorkload(job, [two], '1.37')).toEqual({
      outcome: 'error',
      workload: two,
      message: 'workload ml/train-x for job ml/train has 2 PodGroupTemplates, want exactly 1',
    });
    expect(discoverJobWorkload(job, [workload('none', 0)], '1.37')).toMatchObject({
      message: 'workload ml/none for job ml/train has 0 PodGroupTemplates, want exactly 1',
    });
    expect(discoverJobWorkload(job, [two], '1.36')).toEqual({
      outcome: 'fallback',
      why: 'templates',
      workloads: [two],
    });
  });

  it('both versions: several matches fall back to default scheduling with the upstream log text', () => {
    const [a, b] = [workload('a', 1), workload('b', 1)];
    for (const version of ['1.36', '1.37'] as const) {
      expect(discoverJobWorkload(job, [a, b, workload('other', 1, false)], version)).toMatchObject({
        outcome: 'fallback',
        why: 'several',
        message: `found ${version === '1.37' ? 2 : 3} Workloads referencing Job ml/train, falling back to default scheduling`,
      });
    }
  });

  it('finds the one controlled Workload with one template', () => {
    const mine = workload('mine', 1);
    expect(discoverJobWorkload(job, [mine], '1.37')).toEqual({ outcome: 'found', workload: mine });
    expect(discoverJobWorkload(job, [], '1.37')).toEqual({ outcome: 'none', ignored: [] });
  });
});

describe('discoverJobPodGroup137 (JOB-11, 1.37)', () => {
  const group = (name: string, workloadName: string, owned: boolean): PodGroup =>
    ({
      apiVersion: 'scheduling.k8s.io/v1beta1',
      kind: 'PodGroup',
      metadata: { name, namespace: 'ml', ...(owned ? { ownerReferences: byJob } : {}) },
      spec: { workloadRef: { workloadName, templateName: 't0' }, schedulingPolicy: { basic: {} } },
    }) as PodGroup;

  it('counts only PodGroups of the Workload that the Job controls', () => {
    const mine = group('mine', 'wl', true);
    expect(discoverJobPodGroup137(job, workload('wl', 1), [mine, group('sibling', 'wl', false), group('elsewhere', 'x', true)])).toEqual({
      outcome: 'found',
      podGroup: mine,
    });
    expect(discoverJobPodGroup137(job, workload('wl', 1), [group('sibling', 'wl', false)])).toEqual({ outcome: 'none' });
  });

  it('falls back with the upstream log text when the Job controls several', () => {
    const groups = [group('a', 'wl', true), group('b', 'wl', true)];
    expect(discoverJobPodGroup137(job, workload('wl', 1), groups)).toEqual({
      outcome: 'fallback',
      podGroups: groups,
      message: 'found 2 PodGroups referencing Workload ml/wl, falling back to default scheduling',
    });
  });
});

describe('parentWorkloadOfJob (JOB-28)', () => {
  it("finds the Workload whose spec.controllerRef names the Job's controller, group from its apiVersion", () => {
    const owned: Job = {
      ...job,
      metadata: {
        ...job.metadata,
        ownerReferences: [{ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'u', controller: true }],
      },
    };
    const parent = { ...workload('js', 1, false), spec: { controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' } } };
    const wrongGroup = { ...parent, spec: { controllerRef: { apiGroup: 'other.io', kind: 'JobSet', name: 'js' } } };
    expect(parentWorkloadOfJob(owned, [wrongGroup, parent])).toBe(parent);
    expect(parentWorkloadOfJob(owned, [wrongGroup])).toBeUndefined();
    expect(parentWorkloadOfJob(job, [parent])).toBeUndefined();
  });
});
