import { emptyState, type ClusterState } from '@kubectl-workload/cluster';
import { nameOf, type KubeObject } from '@kubectl-workload/api';
import { explain } from './chain.js';
import type { Diagnosis } from './model.js';
import { resolveTarget } from './target.js';
import { gangTemplate, job, node, pod, podGroup, templateRef, workload } from '../status/test-support/objects.js';

const NOW = '2026-11-23T12:00:00Z';

function cluster(parts: Partial<ClusterState>): ClusterState {
  return { ...emptyState(), ...parts };
}

function run(target: string, state: ClusterState, events: KubeObject[] = []): Diagnosis {
  return explain(resolveTarget(target, 'default', state), { state, events, now: NOW });
}

const chainOf = (d: Diagnosis) => d.links.map((l) => `${l.link}:${l.status}`);
const indexedJob = (name: string, extra = {}) => job(name, { parallelism: 3, completions: 3, completionMode: 'Indexed' }, extra);
const jobOwner = (name: string) => ({ apiVersion: 'batch/v1', kind: 'Job', name, uid: `uid-${name}`, controller: true });

describe('explain chain: Job links (JOB-02/03/10/14)', () => {
  it('stops at a Job that does not qualify, naming each failing JOB-02 condition', () => {
    const d = run('job/etl', cluster({ jobs: [job('etl', { parallelism: 1 })] }));
    expect(chainOf(d)).toEqual(['job:broken']);
    expect(d.broken?.details).toEqual([
      'JOB-02: spec.parallelism is 1 (it must be greater than 1)',
      'JOB-02: spec.completionMode is not set (it must be "Indexed")',
      'JOB-02: spec.completions is not set (it must equal spec.parallelism)',
    ]);
  });

  it('says the controller has not created the Workload for a new qualifying Job, and why none comes for a started one', () => {
    expect(run('job/train', cluster({ jobs: [indexedJob('train')] })).broken?.refs).toEqual(['JOB-01', 'JOB-04', 'JOB-10']);
    const started = run('job/train', cluster({ jobs: [indexedJob('train', { status: { startTime: NOW } })] }));
    expect(started.broken?.summary).toBe('no Workload references Job default/train, and the Job controller only creates one for a Job that has not started');
    expect(started.broken?.details).toEqual(['JOB-03: status.startTime is set (the Job has already started)']);
  });

  it('follows a qualifying Job to its Workload and PodGroup, notes the parallelism lock, and counts missing pods against the Job', () => {
    const wl = { ...workload('train-abc', [gangTemplate('train-pgt-0', 3)]), metadata: { name: 'train-abc', namespace: 'default', ownerReferences: [jobOwner('train')] } };
    wl.spec = { ...wl.spec, controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'train' } };
    const pg = podGroup('train-abc-train-pgt-0-x', { podGroupTemplateRef: templateRef('train-abc', 'train-pgt-0'), schedulingPolicy: { gang: { minCount: 3 } } }, { metadata: { name: 'train-abc-train-pgt-0-x', namespace: 'default', ownerReferences: [jobOwner('train')] } });
    const d = run('job/train', cluster({ jobs: [indexedJob('train', { status: { active: 1 } })], workloads: [wl], podGroups: [pg], pods: [pod('train-0', nameOf(pg))] }));
    expect(chainOf(d)).toEqual(['job:ok', 'workload:ok', 'podgroup:ok', 'pods:broken']);
    expect(d.links[0]?.details).toEqual(['spec.parallelism is locked: cannot change parallelism for a Job referencing gang-scheduled PodGroup "train-abc-train-pgt-0-x" (JOB-14)']);
    expect(d.broken?.summary).toMatch(/^1 of minCount 3 pods exist/);
    expect(d.broken?.fix).toMatch(/^Job default\/train should create 2 more \(it runs 3 at once, 1 active\)/);
  });

  it('follows a Job whose template names its own PodGroup (JOB-13) to that PodGroup', () => {
    const byo = job('byo', { parallelism: 2, template: { spec: { schedulingGroup: { podGroupName: 'mine' } } } });
    const d = run('job/byo', cluster({ jobs: [byo] }));
    expect(chainOf(d)).toEqual(['job:ok', 'podgroup:broken']);
    expect(d.broken?.summary).toMatch(/^PodGroup default\/mine does not exist: the scheduler keeps its pods Pending with no event or condition/);
  });
});

describe('explain chain: Workload, PodGroup, pods, scheduler name, template', () => {
  const wl = workload('llm', [gangTemplate('workers', 2, { priorityClassName: 'high' })]);
  const ref = templateRef('llm', 'workers');

  it('reports a PodGroup whose template is gone, and a Workload template with no PodGroup', () => {
    const lost = podGroup('lost', { podGroupTemplateRef: templateRef('llm', 'gone'), schedulingPolicy: { basic: {} } });
    expect(run('lost', cluster({ workloads: [wl], podGroups: [lost] })).broken?.summary).toBe('Workload default/llm has no template "gone" (it has: workers)');
    const none = run('workload/llm', cluster({ workloads: [wl] }));
    expect(chainOf(none)).toEqual(['workload:ok', 'podgroup:broken']);
    expect(none.broken?.fix).toBe('create a PodGroup with spec.podGroupTemplateRef.workload {workloadName: llm, podGroupTemplateName: workers} and the template\'s schedulingPolicy');
  });

  it('says who should create missing pods when nothing owns them', () => {
    const pg = podGroup('g', { podGroupTemplateRef: ref, schedulingPolicy: { gang: { minCount: 2 } }, priorityClassName: 'high' });
    const d = run('g', cluster({ workloads: [wl], podGroups: [pg], pods: [pod('a', 'g')] }));
    expect(d.broken?.fix).toBe('nothing in the cluster owns these pods: create 1 more with spec.schedulingGroup.podGroupName: g');
  });

  it('stops at pods that disagree on schedulerName, then at a drifted PodGroup', () => {
    const pg = podGroup('g', { podGroupTemplateRef: ref, schedulingPolicy: { gang: { minCount: 2 } } });
    const mixed = run('g', cluster({ workloads: [wl], podGroups: [pg], pods: [pod('a', 'g'), pod('b', 'g', { schedulerName: 'other' })] }));
    expect(mixed.broken?.link).toBe('scheduler-name');
    expect(mixed.broken?.fix).toBe('recreate b with spec.schedulerName: default-scheduler (the scheduler rejects every pod of the group until they agree)');
    const drifted = run('g', cluster({ workloads: [wl], podGroups: [pg], pods: [pod('a', 'g'), pod('b', 'g')] }));
    expect(drifted.broken?.link).toBe('template');
    expect(drifted.broken?.details).toEqual(['spec.priorityClassName: template "high", PodGroup <unset>']);
  });

  it('starts from a pod without a group at its Job, and from a pod in a group at that group', () => {
    const loose = { ...pod('w-0', undefined), metadata: { name: 'w-0', namespace: 'default', ownerReferences: [jobOwner('etl')] } };
    const d = run('pod/w-0', cluster({ pods: [loose], jobs: [job('etl', { parallelism: 4 })] }));
    expect(chainOf(d)).toEqual(['podgroup:info', 'job:broken']);
    const alone = run('pod/solo', cluster({ pods: [pod('solo', undefined)] }));
    expect(alone).toMatchObject({ broken: null, links: [{ link: 'podgroup', status: 'info' }] });
  });
});

describe('explain chain: placement (simulated PodGroup cycle)', () => {
  const gpuNode = (name: string, rack: string) => node(name, { 'topology.kubernetes.io/rack': rack }, { cpu: '8', memory: '32Gi', pods: '110', 'example.com/gpu': '1' });
  const nodes = [gpuNode('a1', 'a'), gpuNode('a2', 'a'), gpuNode('b1', 'b')];
  const workers = (n: number) => Array.from({ length: n }, (_, i) => pod(`w-${i}`, 'g', { requests: { cpu: '1', memory: '1Gi', 'example.com/gpu': '1' } }));

  it('finds the largest domain and what is missing when a rack-constrained gang fits nowhere', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } }, schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] } });
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(3) }));
    expect(d.broken?.link).toBe('placement');
    expect(d.placement?.topology?.domains.map((r) => [r.domain, r.nodes, r.free['example.com/gpu'], r.podsFit, r.podsNeeded])).toEqual([
      ['a', 2, '2', 2, 3],
      ['b', 1, '1', 1, 3],
    ]);
    expect(d.placement?.topology?.domains[0]?.blocking).toBe('0/2 nodes are available: 2 Insufficient example.com/gpu.');
    expect(d.placement?.hint).toBe('largest rack a fits 2 of 3 pods; 1 more node in a with 1 cpu, 1Gi memory, 1 example.com/gpu free each would do');
    expect(d.live).toMatchObject({ condition: null, agrees: null });
  });

  it('without a constraint, counts per-node reasons and says how many pods the cluster fits', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 4 } } });
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(4) }));
    expect(d.placement?.outcome).toBe('Unschedulable');
    expect(d.placement?.nodeReasons).toEqual([{ reason: 'Insufficient example.com/gpu', nodes: 3 }]);
    expect(d.placement?.hint).toBe('the cluster fits 3 of 4 pods; 1 more node with 1 cpu, 1Gi memory, 1 example.com/gpu free each would do');
  });

  it('holds when the gang fits, and flags a live Unschedulable condition the simulation disagrees with', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } } }, {
      status: { conditions: [{ type: 'PodGroupScheduled', status: 'False', reason: 'Unschedulable', message: 'old' }] },
    });
    const events = [{ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'w-0', namespace: 'default' }, reason: 'FailedScheduling', type: 'Warning', message: 'old', count: 2, lastTimestamp: NOW }];
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(3) }), events);
    expect(d.broken).toBeNull();
    expect(d.placement?.pods.map((p) => [p.name, p.outcome, p.node])).toEqual([['w-0', 'Scheduled', 'a1'], ['w-1', 'Scheduled', 'a2'], ['w-2', 'Scheduled', 'b1']]);
    expect(d.live).toMatchObject({ agrees: false, events: [{ object: 'Pod/w-0', reason: 'FailedScheduling', count: 2 }] });
    expect(d.links.at(-1)?.details[0]).toMatch(/^live state disagrees: the simulation places the gang now/);
  });
});
