import { emptyState, type ClusterState } from '@kubectl-workload/cluster';
import { allGatesOn, nameOf, type KubeObject } from '@kubectl-workload/api';
import { defaultProfile } from '@kubectl-workload/simulator';
import { explain } from './chain.js';
import type { Diagnosis } from './model.js';
import { NO_COLORS } from '../output/color.js';
import { renderExplainText } from './render.js';
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
    expect(started.broken?.summary).toBe(
      'no Workload references Job default/train, and the Job controller only creates one for a Job that has not started',
    );
    expect(started.broken?.details).toEqual(['JOB-03: status.startTime is set (the Job has already started)']);
  });

  it('follows a qualifying Job to its Workload and PodGroup, notes the parallelism lock, and counts missing pods against the Job', () => {
    const wl = {
      ...workload('train-abc', [gangTemplate('train-pgt-0', 3)]),
      metadata: { name: 'train-abc', namespace: 'default', ownerReferences: [jobOwner('train')] },
    };
    wl.spec = { ...wl.spec, controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'train' } };
    const pg = podGroup(
      'train-abc-train-pgt-0-x',
      { podGroupTemplateRef: templateRef('train-abc', 'train-pgt-0'), schedulingPolicy: { gang: { minCount: 3 } } },
      { metadata: { name: 'train-abc-train-pgt-0-x', namespace: 'default', ownerReferences: [jobOwner('train')] } },
    );
    const d = run(
      'job/train',
      cluster({
        jobs: [indexedJob('train', { status: { active: 1 } })],
        workloads: [wl],
        podGroups: [pg],
        pods: [pod('train-0', nameOf(pg))],
      }),
    );
    expect(chainOf(d)).toEqual(['job:ok', 'workload:ok', 'podgroup:ok', 'pods:broken']);
    expect(d.links[0]?.details).toEqual([
      'spec.parallelism is locked: cannot change parallelism for a Job referencing gang-scheduled PodGroup "train-abc-train-pgt-0-x" (JOB-14)',
    ]);
    expect(d.broken?.summary).toMatch(/^1 of minCount 3 pods exist/);
    expect(d.broken?.fix).toMatch(/^Job default\/train should create 2 more \(it runs 3 at once, 1 active\)/);
  });

  it('follows a Job whose template names its own PodGroup (JOB-13) to that PodGroup', () => {
    const byo = job('byo', { parallelism: 2, template: { spec: { schedulingGroup: { podGroupName: 'mine' } } } });
    const d = run('job/byo', cluster({ jobs: [byo] }));
    expect(chainOf(d)).toEqual(['job:ok', 'podgroup:broken']);
    expect(d.broken?.summary).toMatch(
      /^PodGroup default\/mine does not exist: the scheduler keeps its pods Pending with no event or condition/,
    );
  });
});

describe('explain chain: Workload, PodGroup, pods, scheduler name, template', () => {
  const wl = workload('llm', [gangTemplate('workers', 2, { priorityClassName: 'high' })]);
  const ref = templateRef('llm', 'workers');

  it('reports a PodGroup whose template is gone, and a Workload template with no PodGroup', () => {
    const lost = podGroup('lost', { podGroupTemplateRef: templateRef('llm', 'gone'), schedulingPolicy: { basic: {} } });
    expect(run('lost', cluster({ workloads: [wl], podGroups: [lost] })).broken?.summary).toBe(
      'Workload default/llm has no template "gone" (it has: workers)',
    );
    const none = run('workload/llm', cluster({ workloads: [wl] }));
    expect(chainOf(none)).toEqual(['workload:ok', 'podgroup:broken']);
    expect(none.broken?.fix).toBe(
      "create a PodGroup with spec.podGroupTemplateRef.workload {workloadName: llm, podGroupTemplateName: workers} and the template's schedulingPolicy",
    );
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
    expect(mixed.broken?.fix).toBe(
      'recreate b with spec.schedulerName: default-scheduler (the scheduler rejects every pod of the group until they agree)',
    );
    const drifted = run('g', cluster({ workloads: [wl], podGroups: [pg], pods: [pod('a', 'g'), pod('b', 'g')] }));
    expect(drifted.broken?.link).toBe('template');
    expect(drifted.broken?.details).toEqual(['spec.priorityClassName: template "high", PodGroup <unset>']);
    expect(drifted.broken?.fix).toMatch(/^PodGroup spec is immutable: delete it and recreate it/);
  });

  it('warns, without advising deletion, when the drifted gang is running (issue 18 item 3)', () => {
    const pg = podGroup('g', { podGroupTemplateRef: ref, schedulingPolicy: { gang: { minCount: 2 } } });
    const running = run(
      'g',
      cluster({ workloads: [wl], podGroups: [pg], pods: [pod('a', 'g', { nodeName: 'n1' }), pod('b', 'g', { nodeName: 'n1' })] }),
    );
    expect(running.broken).toBeNull();
    expect(running.links.find((l) => l.link === 'template')).toMatchObject({ status: 'warning', refs: ['X-14'] });
    const text = renderExplainText(running, NO_COLORS);
    expect(text).toContain('  ! template        PodGroup default/g drifted from template "workers" of Workload default/llm\n');
    expect(text).toContain('Warning: template\nFix: the running gang is unaffected;');
    expect(text).not.toContain('Every link holds.');
  });

  it('warns about a plain Job whose pods all run, and stops there (issue 18 item 3)', () => {
    const running = {
      ...pod('w-0', undefined, { nodeName: 'n1' }),
      metadata: { name: 'w-0', namespace: 'default', ownerReferences: [jobOwner('etl')] },
    };
    const d = run('pod/w-0', cluster({ pods: [running], jobs: [job('etl', { parallelism: 4 })] }));
    expect(chainOf(d)).toEqual(['podgroup:info', 'job:warning']);
    expect(d.broken).toBeNull();
  });

  it('starts from a pod without a group at its Job, and from a pod in a group at that group', () => {
    const loose = { ...pod('w-0', undefined), metadata: { name: 'w-0', namespace: 'default', ownerReferences: [jobOwner('etl')] } };
    const d = run('pod/w-0', cluster({ pods: [loose], jobs: [job('etl', { parallelism: 4 })] }));
    expect(chainOf(d)).toEqual(['podgroup:info', 'job:broken']);
    const alone = run('pod/solo', cluster({ pods: [pod('solo', undefined)] }));
    expect(alone).toMatchObject({ broken: null, links: [{ link: 'podgroup', status: 'info' }] });
  });
});

describe('explain chain: a gang Job whose parallelism changed (JOB-15 under 1.36, JOB-27 under 1.37)', () => {
  const owned = (name: string) => ({ metadata: { name, namespace: 'default', ownerReferences: [jobOwner('train')] } });
  const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } } }, owned('g'));
  const pods = [pod('train-0', 'g'), pod('train-1', 'g')];
  const state = (scheduling = {}) =>
    cluster({
      podGroups: [pg],
      pods,
      jobs: [indexedJob('train', { spec: { parallelism: 2, completions: 2, completionMode: 'Indexed', ...scheduling } })],
    });
  const explainAt = (kubeVersion: '1.36' | '1.37', s: ClusterState) =>
    explain(resolveTarget('g', 'default', s), { state: s, events: [], now: NOW, setup: { kubeVersion } });

  it('JOB-15: under 1.36 the pods link says minCount stays above the shrunken parallelism', () => {
    const d = explainAt('1.36', state());
    expect(d.broken?.link).toBe('pods');
    expect(d.broken?.refs).toEqual(['X-19', 'JOB-15']);
    expect(d.broken?.details[0]).toBe(
      'spec.parallelism is 2 but PodGroup "g" keeps gang minCount 3: the v1.36 Job controller never updates minCount after creating it (JOB-15); only 2 pods run at once, so the gang never gathers 3: recreate the Job to resize it',
    );
  });

  it('JOB-27: under 1.37 it says the controller patches minCount, and drops the 1.36 parallelism lock', () => {
    const d = explainAt('1.37', state({ scheduling: { schedulingPolicy: { gang: {} } } }));
    expect(d.broken?.refs).toEqual(['X-19', 'JOB-27']);
    expect(d.broken?.details[0]).toMatch(/the v1\.37 Job controller patches it and its Workload template on the next sync \(JOB-27\)$/);
    const jobLinkAt = (kubeVersion: '1.36' | '1.37') =>
      explain(resolveTarget('job/train', 'default', state()), { state: state(), events: [], now: NOW, setup: { kubeVersion } }).links[0];
    expect(jobLinkAt('1.36')?.refs).toEqual(['JOB-02', 'JOB-14']);
    expect(jobLinkAt('1.37')).toMatchObject({ refs: ['JOB-02', 'JOB-06'], details: [] });
  });
});

describe('explain chain: a PodGroup being deleted (PG-51, X-07)', () => {
  const DELETED = '2026-11-23T11:55:00Z';
  const PROTECTION = 'scheduling.k8s.io/podgroup-protection';
  const deleting = (finalizers: string[]) =>
    podGroup(
      'g',
      { schedulingPolicy: { gang: { minCount: 2 } } },
      {
        metadata: { name: 'g', namespace: 'default', deletionTimestamp: DELETED, finalizers },
      },
    );
  const withPhase = (p: ReturnType<typeof pod>, phase: string, terminating = false) => ({
    ...p,
    metadata: { ...p.metadata, ownerReferences: [jobOwner('train')], ...(terminating ? { deletionTimestamp: DELETED } : {}) },
    status: { phase },
  });

  it('X-07: names the active pods the protection finalizer waits on, not the terminal ones', () => {
    const pods = [
      withPhase(pod('w-0', 'g', { nodeName: 'n1' }), 'Running', true),
      withPhase(pod('w-1', 'g'), 'Pending'),
      withPhase(pod('w-2', 'g', { nodeName: 'n1' }), 'Succeeded'),
      withPhase(pod('w-3', 'g', { nodeName: 'n1' }), 'Failed'),
      withPhase(pod('other', 'h'), 'Running'),
    ];
    const d = run('g', cluster({ podGroups: [deleting([PROTECTION])], pods }));
    expect(chainOf(d)).toEqual(['workload:info', 'deletion:broken']);
    expect(d.broken).toMatchObject({
      summary: `PodGroup default/g is being deleted: ${PROTECTION} keeps it until 2 pods naming it are Succeeded, Failed or gone`,
      details: ['w-0 Running, terminating on n1', 'w-1 Pending'],
      objects: ['default/w-0', 'default/w-1'],
      refs: ['PG-51', 'X-07'],
      observedAt: DELETED,
    });
    expect(d.broken?.fix).toBe(
      'delete the pods (or their Job): 1 of them is not on a node and will not finish on its own; do not remove the finalizer by hand while pods still name the group',
    );
    expect(renderExplainText(d, NO_COLORS, { now: Date.parse(NOW) })).toContain(
      `  ✗ deletion        PodGroup default/g is being deleted: ${PROTECTION} keeps it until 2 pods naming it are Succeeded, Failed or gone (5m ago)\n`,
    );
  });

  it('PG-51: folds a big gang by phase in text and keeps every name in objects', () => {
    const pods = Array.from({ length: 25 }, (_, i) => withPhase(pod(`w-${i}`, 'g', { nodeName: 'n1' }), i < 22 ? 'Running' : 'Pending'));
    const d = run('g', cluster({ podGroups: [deleting([PROTECTION])], pods }));
    expect(d.broken?.details).toEqual(['22 pods Running: w-0, w-1, w-2 (+19 more)', '3 pods Pending: w-22, w-23, w-24']);
    expect(d.broken?.objects).toHaveLength(25);
    const bound = pods.slice(0, 22);
    expect(run('g', cluster({ podGroups: [deleting([PROTECTION])], pods: bound })).broken?.fix).toBe(
      'let the pods finish, or delete them (or their Job); do not remove the finalizer by hand while pods still name the group',
    );
  });

  it('PG-51: with no active pod left, the protection controller should have removed the finalizer', () => {
    const d = run('g', cluster({ podGroups: [deleting([PROTECTION])], pods: [withPhase(pod('w-0', 'g'), 'Succeeded')] }));
    expect(d.broken?.summary).toBe(`PodGroup default/g is being deleted and no active pod names it, yet ${PROTECTION} is still set`);
    expect(d.broken?.fix).toMatch(/^the PodGroup protection controller of kube-controller-manager/);
  });

  it('X-07: without the protection finalizer, pods do not hold it; other finalizers are named', () => {
    const d = run('g', cluster({ podGroups: [deleting(['example.com/audit'])], pods: [withPhase(pod('w-0', 'g'), 'Running')] }));
    expect(d.broken?.summary).toBe(
      'PodGroup default/g is being deleted: it goes once its finalizers example.com/audit are removed; its pods no longer keep it',
    );
  });

  it('a PodGroup not being deleted has no deletion link', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 1 } } });
    expect(chainOf(run('g', cluster({ podGroups: [pg], pods: [pod('w-0', 'g')] })))).not.toContain('deletion:broken');
  });
});

describe('explain chain: placement (simulated PodGroup cycle)', () => {
  const gpuNode = (name: string, rack: string) =>
    node(name, { 'topology.kubernetes.io/rack': rack }, { cpu: '8', memory: '32Gi', pods: '110', 'example.com/gpu': '1' });
  const nodes = [gpuNode('a1', 'a'), gpuNode('a2', 'a'), gpuNode('b1', 'b')];
  const workers = (n: number) =>
    Array.from({ length: n }, (_, i) => pod(`w-${i}`, 'g', { requests: { cpu: '1', memory: '1Gi', 'example.com/gpu': '1' } }));

  it('finds the largest domain and what is missing when a rack-constrained gang fits nowhere', () => {
    const pg = podGroup('g', {
      schedulingPolicy: { gang: { minCount: 3 } },
      schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] },
    });
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(3) }));
    expect(d.broken?.link).toBe('placement');
    expect(d.placement?.topology?.domains.map((r) => [r.domain, r.nodes, r.free['example.com/gpu'], r.podsFit, r.podsNeeded])).toEqual([
      ['a', 2, '2', 2, 3],
      ['b', 1, '1', 1, 3],
    ]);
    expect(d.placement?.topology?.domains[0]?.blocking).toBe('0/2 nodes are available: 2 Insufficient example.com/gpu.');
    expect(d.placement?.hint).toBe(
      'largest rack a fits 2 of 3 pods; 1 more node in a with 1 cpu, 1Gi memory, 1 example.com/gpu free each would do',
    );
    expect(d.live).toMatchObject({ condition: null, agrees: null });
  });

  it('without a constraint, counts per-node reasons and says how many pods the cluster fits', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 4 } } });
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(4) }));
    expect(d.placement?.outcome).toBe('Unschedulable');
    expect(d.placement?.nodeReasons).toEqual([{ reason: 'Insufficient example.com/gpu', nodes: 3 }]);
    expect(d.placement?.hint).toBe(
      'the cluster fits 3 of 4 pods; 1 more node with 1 cpu, 1Gi memory, 1 example.com/gpu free each would do',
    );
  });

  it('names cordoned and NotReady nodes the gang would fit on instead of asking for more nodes (issue 18 item 2)', () => {
    const big = (name: string) => node(name, {}, { cpu: '32', memory: '128Gi', pods: '110' });
    const cordoned = { ...big('big-1'), spec: { unschedulable: true } };
    const notReady = { ...big('big-2'), spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] } };
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 4 } } });
    const pods = Array.from({ length: 4 }, (_, i) => pod(`w-${i}`, 'g', { requests: { cpu: '12' } }));
    const d = run(
      'g',
      cluster({ nodes: [node('small', {}, { cpu: '8', memory: '32Gi', pods: '110' }), cordoned, notReady], podGroups: [pg], pods }),
    );
    expect(d.broken?.link).toBe('placement');
    expect(d.placement?.hint).toBe(
      'the gang would fit once these nodes are back: big-1 is cordoned (kubectl uncordon big-1); big-2 is NotReady (taint node.kubernetes.io/not-ready:NoSchedule); no new nodes are needed',
    );
    expect(d.broken?.fix).toBe(d.placement?.hint);
  });

  it('asks whether restored nodes help with the gates the cycle ran with, not with every gate on', () => {
    const big = (name: string, rack: string, spec = {}) => ({
      ...node(name, { 'topology.kubernetes.io/rack': rack }, { cpu: '32', memory: '128Gi', pods: '110' }),
      spec,
    });
    const pg = podGroup('g', {
      schedulingPolicy: { gang: { minCount: 4 } },
      schedulingConstraints: { topology: [{ key: 'topology.kubernetes.io/rack' }] },
    });
    const pods = Array.from({ length: 4 }, (_, i) => pod(`w-${i}`, 'g', { requests: { cpu: '12' } }));
    const state = cluster({
      nodes: [node('small', {}, { cpu: '8', memory: '32Gi', pods: '110' }), big('big-1', 'a', { unschedulable: true }), big('big-2', 'b')],
      podGroups: [pg],
      pods,
    });
    // With the topology gate off the rack constraint is not enforced: both big nodes together fit the gang.
    const gates = { ...allGatesOn(), TopologyAwareWorkloadScheduling: false };
    const d = explain(resolveTarget('g', 'default', state), { state, events: [], now: NOW, setup: { gates } });
    expect(d.placement?.outcome).toBe('Unschedulable');
    expect(d.placement?.hint).toBe(
      'the gang would fit once these nodes are back: big-1 is cordoned (kubectl uncordon big-1); no new nodes are needed',
    );
  });

  const warningEvent = (object: string, reason: string, message: string, lastTimestamp = NOW) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `e-${object}`, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: object, namespace: 'default' },
    reason,
    type: 'Warning',
    message,
    count: 2,
    lastTimestamp,
  });

  it('breaks the live link when a live Unschedulable condition contradicts a gang the simulation places (issue 18 item 1)', () => {
    const pg = podGroup(
      'g',
      { schedulingPolicy: { gang: { minCount: 3 } } },
      {
        status: {
          conditions: [
            {
              type: 'PodGroupScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: 'old',
              lastTransitionTime: '2026-11-23T11:57:00Z',
            },
          ],
        },
      },
    );
    const d = run('g', cluster({ nodes, podGroups: [pg], pods: workers(3) }), [warningEvent('w-0', 'FailedScheduling', 'old')]);
    expect(d.placement?.pods.map((p) => [p.name, p.outcome, p.node])).toEqual([
      ['w-0', 'Scheduled', 'a1'],
      ['w-1', 'Scheduled', 'a2'],
      ['w-2', 'Scheduled', 'b1'],
    ]);
    expect(d.live).toMatchObject({ agrees: false, events: [{ object: 'Pod/w-0', reason: 'FailedScheduling', count: 2 }] });
    expect(chainOf(d).slice(-2)).toEqual(['placement:ok', 'live:broken']);
    expect(d.broken).toMatchObject({
      link: 'live',
      summary: 'the simulation places the gang, but the cluster reported PodGroupScheduled=False/Unschedulable: old',
      observedAt: '2026-11-23T11:57:00Z',
    });
    const text = renderExplainText(d, NO_COLORS, { now: Date.parse(NOW) });
    expect(text).toContain('PodGroupScheduled=False/Unschedulable: old (3m ago)\n');
    expect(text).not.toContain('Every link holds.');
  });

  it('breaks the live link on a FailedScheduling event with no condition yet, and names what the simulation cannot see', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } } });
    const pods = workers(3);
    const events = [
      warningEvent(
        'w-0',
        'FailedScheduling',
        '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
        '2026-11-23T11:00:00Z',
      ),
    ];
    const d = run('g', cluster({ nodes, podGroups: [pg], pods }), events);
    expect(d.broken?.link).toBe('live');
    expect(d.broken?.summary).toBe(
      'the simulation places the gang, but the cluster reported Warning FailedScheduling on Pod/w-0: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. (x2)',
    );
    expect(d.broken?.details.slice(0, 1)).toEqual([
      'not seen by the simulation: a scheduler that has not retried since the cluster changed: unschedulable pods wait for a cluster event or up to 5 minutes before the next attempt',
    ]);
    expect(d.live?.note).toBe(
      'no PodGroupScheduled condition yet, but the cluster reported FailedScheduling for Pod/w-0; the simulation predicts Scheduled',
    );
    // The profile is unseen only while --scheduler-config did not give it.
    const configLine = /--scheduler-config$/;
    expect(d.broken?.details.some((l) => configLine.test(l))).toBe(true);
    const state = cluster({ nodes, podGroups: [pg], pods });
    const configured = explain(resolveTarget('g', 'default', state), {
      state,
      events,
      now: NOW,
      setup: { config: { profiles: [defaultProfile()], notes: [] } },
    });
    expect(configured.broken?.link).toBe('live');
    expect(configured.broken?.details.some((l) => configLine.test(l))).toBe(false);
    expect(renderExplainText(d, NO_COLORS, { now: Date.parse(NOW) })).toMatch(/^ {4}60m +Warning +FailedScheduling +Pod\/w-0 /m);
  });

  it('holds, live link included, when the pods are bound or nothing observed speaks against the simulation', () => {
    const pg = podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } } });
    const quiet = run('g', cluster({ nodes, podGroups: [pg], pods: workers(3) }));
    expect(quiet.broken).toBeNull();
    expect(quiet.links.at(-1)).toMatchObject({
      link: 'live',
      status: 'ok',
      summary: 'nothing observed contradicts the simulation (no PodGroupScheduled condition or Warning event)',
    });
    const bound = workers(3).map((p, i) => ({ ...p, spec: { ...p.spec, nodeName: ['a1', 'a2', 'b1'][i] } }));
    expect(run('g', cluster({ nodes, podGroups: [pg], pods: bound }), [warningEvent('w-0', 'FailedScheduling', 'old')]).broken).toBeNull();
  });
});
