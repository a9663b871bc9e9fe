// explain job/NAME under 1.37 (api-rules-1.37 §7.3): the management mode instead of the 1.36
// qualification (JOB-02), the Workload and PodGroup discovery with its exact texts (JOB-10, JOB-11),
// and a delegated Job's owner Workload (JOB-28).

import { emptyState, type ClusterState, type KubeEvent } from '@kubectl-workload/cluster';
import type { Pod } from '@kubectl-workload/api';
import { explain } from './chain.js';
import type { Diagnosis } from './model.js';
import { resolveTarget } from './target.js';
import { job, node, pod, podGroup137, workload137 } from '../status/test-support/objects.js';

const NOW = '2026-11-23T12:00:00Z';

function run(target: string, parts: Partial<ClusterState>, kubeVersion: '1.36' | '1.37' = '1.37', events: KubeEvent[] = []): Diagnosis {
  const state = { ...emptyState(), nodes: [node('n1', {}, { cpu: '8', memory: '16Gi', pods: '110' })], ...parts };
  return explain(resolveTarget(target, 'default', state), { state, events, now: NOW, setup: { kubeVersion } });
}

const chainOf = (d: Diagnosis) => d.links.map((l) => `${l.link}:${l.status}`);
const byJob = (name: string) => [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: `uid-${name}`, controller: true }];
const cronOwned = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'c', controller: true }];
const basicJob = (name = 'train', extra = {}) => job(name, { parallelism: 2, template: { spec: { containers: [] } } }, extra);
const jobPod = (name: string, jobName: string, group?: string, nodeName?: string): Pod => {
  const p = pod(name, group, nodeName ? { nodeName } : {});
  return { ...p, metadata: { ...p.metadata, ownerReferences: byJob(jobName) } };
};
const ownWorkload = (name: string, templates: string[], owner = 'train') =>
  workload137(
    name,
    {
      controllerRef: { apiGroup: 'batch', kind: 'Job', name: owner },
      podGroupTemplates: templates.map((t) => ({ name: t, schedulingPolicy: { basic: {} } })),
    },
    { metadata: { name, namespace: 'default', ownerReferences: byJob(owner) } },
  );
const group = (name: string, workloadName: string, templateName: string, owner?: string) =>
  podGroup137(
    name,
    { workloadRef: { workloadName, templateName }, schedulingPolicy: { basic: {} } },
    { metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: byJob(owner) } : {}) } },
  );

describe('explain job/NAME under 1.37: the management mode (JOB-02)', () => {
  it('a basic root Job is managed (manageBoth, basic), where 1.36 says it does not qualify', () => {
    const d = run('job/train', { jobs: [basicJob()] });
    expect(d.links[0]).toMatchObject({
      link: 'job',
      status: 'ok',
      summary: 'Job default/train is a root Job: the v1.37 Job controller gives it a Workload and a PodGroup (manageBoth, basic)',
      refs: ['JOB-02', 'JOB-06'],
    });
    expect(d.broken).toMatchObject({
      link: 'workload',
      fix: 'enable the WorkloadWithJob feature gate on kube-apiserver and kube-controller-manager, and GenericWorkload with scheduling.k8s.io/v1alpha3 served',
    });
    const v136 = run('job/train', { jobs: [basicJob()] }, '1.36');
    expect(v136.broken?.summary).toMatch(/^Job default\/train does not qualify for gang scheduling/);
  });

  it('names the compiled gang of spec.scheduling (minCount defaults to parallelism, JOB-06)', () => {
    const gang = basicJob('train', { spec: { parallelism: 4, scheduling: { schedulingPolicy: { gang: {} } } } });
    expect(run('job/train', { jobs: [gang] }).links[0]?.summary).toMatch(/\(manageBoth, gang minCount 4\)$/);
  });

  it('a CronJob-owned Job is manageNone: broken while its pods wait, a warning once they run, and the chain stops', () => {
    const cron = basicJob('nightly-1', {
      metadata: { name: 'nightly-1', namespace: 'default', uid: 'uid-nightly-1', ownerReferences: cronOwned },
    });
    const pending = run('job/nightly-1', { jobs: [cron], pods: [jobPod('nightly-1-a', 'nightly-1')] });
    expect(chainOf(pending)).toEqual(['job:broken']);
    expect(pending.broken).toMatchObject({
      summary:
        'Job default/nightly-1 is controlled by CronJob "nightly": the v1.37 Job controller leaves its scheduling to the owner (manageNone), creates no Workload or PodGroup, and its pods are scheduled one by one',
      details: [
        'JOB-02: the Job is controlled by CronJob "nightly" without the scheduling.k8s.io/group-template-name annotation (its owner decides how it is scheduled)',
      ],
      refs: ['JOB-02', 'JOB-13'],
    });
    const running = run('job/nightly-1', { jobs: [cron], pods: [jobPod('nightly-1-a', 'nightly-1', undefined, 'n1')] });
    expect(chainOf(running)).toEqual(['job:warning']);
  });

  it('a Job whose pod template names a PodGroup is BYO (manageNone) and is followed to that PodGroup', () => {
    const byo = job('byo', { parallelism: 2, template: { spec: { schedulingGroup: { podGroupName: 'mine' } } } });
    const d = run('job/byo', { jobs: [byo] });
    expect(d.links[0]).toMatchObject({ status: 'ok', refs: ['JOB-02', 'JOB-13'] });
    expect(chainOf(d)).toEqual(['job:ok', 'podgroup:broken']);
  });
});

describe('explain job/NAME under 1.37: discovery (JOB-10, JOB-11)', () => {
  it('JOB-10: its own Workload with two templates is the error that requeues the Job', () => {
    const d = run('job/train', { jobs: [basicJob()], workloads: [ownWorkload('wl', ['a', 'b'])] });
    expect(d.broken).toMatchObject({
      link: 'workload',
      summary: 'workload default/wl for job default/train has 2 PodGroupTemplates, want exactly 1',
      details: ['the v1.37 Job controller returns this error and requeues the Job: it creates no pods until the Workload is fixed'],
      refs: ['JOB-10'],
    });
  });

  it('JOB-07: shows the Warning the Job controller recorded when it could not create the Workload', () => {
    const name = 'x'.repeat(58);
    const message = `Failed to create Workload for Job ${name}: Workload.scheduling.k8s.io "${name}-b" is invalid: spec.podGroupTemplates[0].name: Invalid value: "${name}-pgt-0": must be no more than 63 characters`;
    const event = (reason: string, at: string, text: string): KubeEvent => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${at}`, namespace: 'default' },
      involvedObject: { kind: 'Job', name, namespace: 'default' },
      type: 'Warning',
      reason,
      message: text,
      lastTimestamp: at,
    });
    const d = run('job/' + name, { jobs: [basicJob(name)] }, '1.37', [
      event('FailedWorkloadCreate', '2026-11-23T11:00:00Z', 'older'),
      event('FailedWorkloadCreate', '2026-11-23T11:59:00Z', message),
    ]);
    expect(d.broken).toMatchObject({
      link: 'workload',
      summary: `the Job controller failed to create a Workload for Job default/${name}: FailedWorkloadCreate`,
      details: [message],
      refs: ['JOB-06', 'JOB-07', 'JOB-10'],
      observedAt: '2026-11-23T11:59:00Z',
    });
  });

  it('JOB-10: several Workloads fall back to default scheduling', () => {
    const d = run('job/train', { jobs: [basicJob()], workloads: [ownWorkload('a', ['t']), ownWorkload('b', ['t'])] });
    expect(d.broken).toMatchObject({
      summary: 'found 2 Workloads referencing Job default/train, falling back to default scheduling',
      fix: 'delete all but one of: a, b',
    });
  });

  it('JOB-10: a Workload naming the Job without being controlled by it is ignored (1.36: the Job falls back on it)', () => {
    const byo = { ...ownWorkload('byo', ['t']), metadata: { name: 'byo', namespace: 'default' } };
    const started = basicJob('train', { status: { startTime: NOW } });
    const d = run('job/train', { jobs: [started], workloads: [byo] });
    expect(d.broken).toMatchObject({
      summary: 'no Workload references Job default/train, and the Job controller only creates one for a Job that has not started',
      details: [
        'JOB-03: status.startTime is set (the Job has already started)',
        'Workload default/byo names the Job in spec.controllerRef but has no controller ownerReference to it: the v1.37 Job controller ignores it (JOB-10)',
      ],
    });
    const indexed = { ...started, spec: { ...started.spec, completions: 2, completionMode: 'Indexed' } };
    expect(run('job/train', { jobs: [indexed], workloads: [byo] }, '1.36').broken?.summary).toBe(
      'Workload default/byo references Job default/train but the Job controller will not use it: it is not controlled by the Job (no controller ownerReference)',
    );
  });

  it('JOB-11: several PodGroups the Job controls fall back; one not controlled by it is ignored', () => {
    const workloads = [ownWorkload('wl', ['train-pgt-0'])];
    const two = run('job/train', {
      jobs: [basicJob()],
      workloads,
      podGroups: [group('g1', 'wl', 'train-pgt-0', 'train'), group('g2', 'wl', 'train-pgt-0', 'train')],
    });
    expect(two.broken).toMatchObject({
      link: 'podgroup',
      summary: 'found 2 PodGroups referencing Workload default/wl, falling back to default scheduling',
      refs: ['JOB-11'],
    });
    const foreign = run('job/train', { jobs: [basicJob()], workloads, podGroups: [group('g1', 'wl', 'train-pgt-0')] });
    expect(foreign.broken).toMatchObject({
      summary: 'no PodGroup of Workload default/wl is controlled by Job default/train: its pods stay Pending with no event or condition',
      details: ['PodGroup default/g1 is made from the template but not controlled by the Job: the Job controller ignores it (JOB-11)'],
    });
  });

  it('walks a managed Job to its Workload, PodGroup and pods', () => {
    const d = run('job/train', {
      jobs: [basicJob()],
      workloads: [ownWorkload('wl', ['train-pgt-0'])],
      podGroups: [group('g', 'wl', 'train-pgt-0', 'train')],
      pods: [jobPod('train-0', 'train', 'g'), jobPod('train-1', 'train', 'g')],
    });
    expect(chainOf(d).slice(0, 4)).toEqual(['job:ok', 'workload:ok', 'podgroup:ok', 'pods:ok']);
    expect(d.links[2]?.summary).toBe('PodGroup default/g made from template "train-pgt-0"');
  });
});

describe('explain job/NAME under 1.37: a delegated Job (JOB-28)', () => {
  const owner = [{ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'js', controller: true }];
  const delegated = basicJob('js-workers-0', {
    metadata: {
      name: 'js-workers-0',
      namespace: 'default',
      uid: 'uid-js-workers-0',
      ownerReferences: owner,
      annotations: { 'scheduling.k8s.io/group-template-name': 'workers' },
    },
  });
  const parent = workload137('js', {
    controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' },
    podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 1 } } }],
  });

  it("waits for the owner's Workload", () => {
    const d = run('job/js-workers-0', { jobs: [delegated] });
    expect(chainOf(d)).toEqual(['job:ok', 'workload:broken']);
    expect(d.links[0]?.refs).toEqual(['JOB-02', 'JOB-28']);
    expect(d.broken).toMatchObject({
      summary:
        'no Workload\'s spec.controllerRef names JobSet "js", the owner of Job default/js-workers-0: the Job controller waits for it and retries',
      fix: 'JobSet "js" should create its Workload with spec.controllerRef {apiGroup: jobset.x-k8s.io, kind: JobSet, name: js} and template "workers"',
    });
  });

  it("finds its own PodGroup among its siblings' from the owner's template", () => {
    const d = run('job/js-workers-0', {
      jobs: [delegated],
      workloads: [parent],
      podGroups: [group('sibling', 'js', 'workers', 'js-workers-1'), group('mine', 'js', 'workers', 'js-workers-0')],
      pods: [jobPod('p0', 'js-workers-0', 'mine')],
    });
    expect(chainOf(d).slice(0, 4)).toEqual(['job:ok', 'workload:ok', 'podgroup:ok', 'pods:ok']);
    expect(d.links[1]?.summary).toBe('Workload default/js of JobSet "js" has template "workers"');
    expect(d.links[2]?.summary).toBe('PodGroup default/mine made from template "workers"');
  });
});
