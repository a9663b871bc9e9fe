// The explain chain on Kubernetes 1.37 (issue 14 §3): CompositePodGroup parents, the condition
// under its 1.37 name, templates under composite templates and the mutable gang minCount.

import { emptyState, type ClusterState } from '@kubectl-workload/cluster';
import type { CompositePodGroup, KubeObject } from '@kubectl-workload/api';
import { explain } from './chain.js';
import type { Diagnosis } from './model.js';
import { NO_COLORS } from '../output/color.js';
import { renderExplainText } from './render.js';
import { resolveTarget } from './target.js';
import { compositePodGroup, node, pod, podGroup137, workload137 } from '../status/test-support/objects.js';

const NOW = '2026-11-23T12:00:00Z';

function run(target: string, parts: Partial<ClusterState>): Diagnosis {
  const state = { ...emptyState(), nodes: [node('n1', {}, { cpu: '8', memory: '16Gi', pods: '110' })], ...parts };
  return explain(resolveTarget(target, 'default', state), { state, events: [] as KubeObject[], now: NOW });
}

const linkOf = (d: Diagnosis, name: string) => d.links.find((l) => l.link === name);
const chainOf = (d: Diagnosis) => d.links.map((l) => `${l.link}:${l.status}`);

const train = (generation = 1) =>
  workload137(
    'train',
    {
      compositePodGroupTemplates: [
        {
          name: 'job',
          schedulingPolicy: { gang: { minGroupCount: 1 } },
          compositePodGroupTemplates: [
            {
              name: 'stage',
              schedulingPolicy: { basic: {} },
              podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 2 } } }],
            },
          ],
        },
      ],
    },
    { metadata: { name: 'train', namespace: 'default', generation } },
  );
const cpg = (name: string, template: string, parent?: string, extra: Partial<CompositePodGroup> = {}) =>
  compositePodGroup(
    name,
    {
      workloadRef: { workloadName: 'train', templateName: template },
      schedulingPolicy: { basic: {} },
      ...(parent ? { parentCompositePodGroupName: parent } : {}),
    },
    extra,
  );
const workers = (parent: string, minCount = 2, extra = {}) =>
  podGroup137(
    'workers',
    {
      parentCompositePodGroupName: parent,
      workloadRef: { workloadName: 'train', templateName: 'workers' },
      schedulingPolicy: { gang: { minCount } },
    },
    extra,
  );
const pods = [pod('w-0', 'workers', { requests: { cpu: '1' } }), pod('w-1', 'workers', { requests: { cpu: '1' } })];

describe('explain chain on 1.37: the CompositePodGroup parents (X-30, X-32, ADM-11)', () => {
  it('walks the parents up to the root and says so', () => {
    const d = run('podgroup/workers', {
      workloads: [train()],
      compositePodGroups: [cpg('job', 'job'), cpg('stage', 'stage', 'job')],
      podGroups: [workers('stage')],
      pods,
    });
    expect(linkOf(d, 'parent')).toMatchObject({
      status: 'ok',
      summary: 'PodGroup default/workers is under CompositePodGroup default/stage (root default/job)',
      details: ['CompositePodGroup default/stage: basic, template "stage"', 'CompositePodGroup default/job: basic, template "job", root'],
    });
    expect(d.broken).toBeNull();
  });

  it('names a missing parent (also one above the nearest) and stops the walk there', () => {
    const missing = run('podgroup/workers', { workloads: [train()], podGroups: [workers('stage')], pods });
    expect(chainOf(missing)).toEqual(['workload:ok', 'parent:broken']);
    expect(missing.broken?.summary).toBe(
      'PodGroup default/workers names parent CompositePodGroup "stage", which does not exist: the scheduler keeps the pods Pending with no event or ' +
        'condition (PreEnqueue: failed to build hierarchy snapshot: composite pod group object not found in state for default/stage)',
    );
    // No CompositePodGroup at all: the cluster may not serve them (ADM-10a).
    expect(missing.broken?.details[0]).toContain('may not serve compositepodgroups');

    const grandparent = run('podgroup/workers', {
      workloads: [train()],
      compositePodGroups: [cpg('stage', 'stage', 'job')],
      podGroups: [workers('stage')],
      pods,
    });
    expect(grandparent.broken?.summary).toMatch(
      /^CompositePodGroup default\/stage names parent CompositePodGroup "job", which does not exist/,
    );
    expect(grandparent.broken?.details).toEqual(['found above it: 1 CompositePodGroup']);
  });

  it('on a cluster serving only v1beta1 says the parent kind is not served (ADM-10a)', () => {
    const d = run('podgroup/workers', { workloads: [train()], podGroups: [workers('stage')], pods, compositePodGroupsNotServed: true });
    expect(chainOf(d)).toEqual(['workload:ok', 'parent:broken']);
    expect(d.broken).toMatchObject({
      summary:
        'PodGroup default/workers names parent CompositePodGroup "stage", but this cluster does not serve compositepodgroups: CompositePodGroup exists only in ' +
        'scheduling.k8s.io/v1alpha3, so the PodGroup was accepted (v1beta1 has the field) and its parent cannot be created; the scheduler keeps the pods Pending',
      refs: ['ADM-10a', 'X-30'],
    });
    expect(d.broken?.fix).toMatch(
      /^enable scheduling\.k8s\.io\/v1alpha3 on kube-apiserver \(--runtime-config=scheduling\.k8s\.io\/v1alpha3=true\)/,
    );
  });

  it('warns about a parent being deleted: PodGroupProtection refuses its new children', () => {
    const d = run('podgroup/workers', {
      workloads: [train()],
      compositePodGroups: [
        cpg('job', 'job', undefined, { metadata: { name: 'job', namespace: 'default', deletionTimestamp: '2026-11-23T11:00:00Z' } }),
        cpg('stage', 'stage', 'job'),
      ],
      podGroups: [workers('stage')],
      pods,
    });
    const parent = linkOf(d, 'parent');
    expect(parent?.status).toBe('warning');
    expect(parent?.summary).toContain('cannot create PodGroup referencing CompositePodGroup "job" because it is being deleted');
    expect(parent?.refs).toEqual(['ADM-11', 'ADM-12', 'CPG-13']);
    expect(parent?.details[1]).toBe('CompositePodGroup default/job: basic, template "job", root, being deleted since 2026-11-23T11:00:00Z');
  });

  it('breaks on a parent cycle (X-32) and warns about a parent of another Workload (X-30)', () => {
    const cycle = run('podgroup/workers', {
      workloads: [train()],
      compositePodGroups: [cpg('a', 'job', 'b'), cpg('b', 'stage', 'a')],
      podGroups: [workers('a')],
      pods,
    });
    expect(cycle.broken?.summary).toBe(
      'PodGroup default/workers is in an invalid hierarchy: its parents form a cycle (workers → a → b → a); the scheduler does not schedule it',
    );
    const other = compositePodGroup('stage', {
      workloadRef: { workloadName: 'other', templateName: 'x' },
      schedulingPolicy: { basic: {} },
    });
    const foreign = run('podgroup/workers', { workloads: [train()], compositePodGroups: [other], podGroups: [workers('stage')], pods });
    expect(linkOf(foreign, 'parent')?.status).toBe('warning');
    expect(linkOf(foreign, 'parent')?.summary).toContain('belongs to Workload "other" and the PodGroup to "train"');
  });
});

describe('explain chain on 1.37: templates, minCount and the condition name', () => {
  const hierarchy = { compositePodGroups: [cpg('job', 'job'), cpg('stage', 'stage', 'job')] };

  it('finds the PodGroup of a template under composite templates, from the Workload', () => {
    const d = run('workload/train', { ...hierarchy, workloads: [train()], podGroups: [workers('stage')], pods });
    expect(linkOf(d, 'workload')?.summary).toBe('Workload default/train with 1 template: workers under 2 composite templates (job, stage)');
    expect(linkOf(d, 'podgroup')?.summary).toBe('PodGroup default/workers made from template "workers"');
  });

  it('says a PodGroup naming a composite template names the wrong kind of template (X-31)', () => {
    const wrong = podGroup137('workers', {
      workloadRef: { workloadName: 'train', templateName: 'stage' },
      schedulingPolicy: { basic: {} },
    });
    const d = run('podgroup/workers', { workloads: [train()], podGroups: [wrong], pods });
    expect(d.broken?.summary).toBe(
      '"stage" is a composite template of Workload default/train: a PodGroup is made from a pod group template (it has: workers)',
    );
    expect(d.broken?.fix).toBe('recreate the PodGroup with spec.workloadRef.templateName naming an existing pod group template');
  });

  it('a minCount the template changed is not drift; one the PodGroup was made with can be patched (PG-22)', () => {
    const followed = run('podgroup/workers', { ...hierarchy, workloads: [train(2)], podGroups: [workers('stage', 1)], pods });
    expect(linkOf(followed, 'template')).toMatchObject({ status: 'ok', refs: ['X-10'] });
    expect(linkOf(followed, 'template')?.details[0]).toContain('not drift in 1.37');
    const made = run('podgroup/workers', { ...hierarchy, workloads: [train(1)], podGroups: [workers('stage', 1)], pods });
    expect(linkOf(made, 'template')).toMatchObject({
      status: 'warning',
      fix: 'gang minCount is mutable in 1.37 (PG-22): patch the PodGroup with [{"op":"replace","path":"/spec/schedulingPolicy/gang/minCount","value":2}] (kubectl workload diff train shows the fields)',
    });
  });

  it('reads the live condition under its 1.37 name, and prints it so', () => {
    const status = {
      conditions: [
        { type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled' },
        {
          type: 'PodGroupInitiallyScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: 'minCount (2) cannot be satisfied: 0 scheduled, 0 remaining',
        },
      ],
    };
    const d = run('podgroup/workers', { ...hierarchy, workloads: [train()], podGroups: [workers('stage', 2, { status })], pods });
    expect(d.live).toMatchObject({ conditionType: 'PodGroupInitiallyScheduled', condition: { status: 'False', reason: 'Unschedulable' } });
    // The simulation places the gang; the live 1.37 condition says otherwise.
    expect(d.broken?.summary).toBe(
      'the simulation places the gang, but the cluster reported PodGroupInitiallyScheduled=False/Unschedulable: minCount (2) cannot be satisfied: 0 scheduled, 0 remaining',
    );
    const text = renderExplainText(d, NO_COLORS, { now: Date.parse(NOW) });
    expect(text).toContain('  PodGroupInitiallyScheduled: False/Unschedulable: minCount (2)');
    expect(text).toContain('\n  Simulation:                 ');
  });
});

describe('explain compositepodgroup/NAME: its Workload, parents and children (CPG-05, CPG-12, X-22)', () => {
  const initially = (type: string, status: string, reason: string, message = '') => ({
    status: { conditions: [{ type, status, reason, message, lastTransitionTime: NOW }] },
  });
  const gangJob = (minGroupCount: number, extra: Partial<CompositePodGroup> = {}) =>
    compositePodGroup(
      'job',
      { workloadRef: { workloadName: 'train', templateName: 'job' }, schedulingPolicy: { gang: { minGroupCount } } },
      extra,
    );
  const stage = (extra: Partial<CompositePodGroup> = {}) => cpg('stage', 'stage', 'job', extra);
  const leader = (extra = {}) =>
    podGroup137(
      'leader',
      {
        parentCompositePodGroupName: 'job',
        workloadRef: { workloadName: 'train', templateName: 'workers' },
        schedulingPolicy: { basic: {} },
      },
      extra,
    );

  it('walks Workload → children and says how many are scheduled against minGroupCount', () => {
    const d = run('compositepodgroup/job', {
      workloads: [train()],
      compositePodGroups: [gangJob(2), stage(initially('CompositePodGroupInitiallyScheduled', 'True', 'Scheduled'))],
      podGroups: [leader(initially('PodGroupInitiallyScheduled', 'True', 'Scheduled'))],
    });
    expect(d.target).toEqual({ kind: 'CompositePodGroup', namespace: 'default', name: 'job' });
    expect(chainOf(d)).toEqual(['workload:ok', 'children:ok']);
    expect(linkOf(d, 'workload')?.summary).toBe('Workload default/train has composite template "job" (gang minGroupCount 1)');
    expect(linkOf(d, 'children')).toMatchObject({
      summary: '2 child groups of 2 scheduled; gang minGroupCount 2 needs 2',
      details: [
        'PodGroup default/leader: PodGroupInitiallyScheduled=True/Scheduled',
        'CompositePodGroup default/stage: CompositePodGroupInitiallyScheduled=True/Scheduled',
      ],
    });
    expect(d.broken).toBeNull();
  });

  it('breaks when fewer children exist than minGroupCount: the tree waits for quorum', () => {
    const d = run('compositepodgroup/job', { workloads: [train()], compositePodGroups: [gangJob(2), stage()], podGroups: [] });
    expect(d.broken).toMatchObject({
      link: 'children',
      summary:
        'CompositePodGroup default/job (gang minGroupCount 2) has 1 child group, fewer than the 2 it needs: the scheduler keeps the whole tree waiting (waiting for composite pod group "job" tree to meet quorum)',
      details: ['CompositePodGroup default/stage: no scheduling condition yet'],
    });
    expect(d.broken?.fix).toContain('with spec.parentCompositePodGroupName: job');
  });

  it('points at the first unscheduled child when one failed, and only warns while they are not tried yet', () => {
    const failed = run('compositepodgroup/job', {
      workloads: [train()],
      compositePodGroups: [gangJob(2), stage()],
      podGroups: [
        leader(
          initially('PodGroupInitiallyScheduled', 'False', 'Unschedulable', 'minCount (1) cannot be satisfied: 0 scheduled, 0 remaining'),
        ),
      ],
    });
    expect(failed.broken).toMatchObject({
      link: 'children',
      summary: '0 child groups of 2 scheduled; gang minGroupCount 2 needs 2',
      fix: 'see why with kubectl workload explain podgroup/leader',
    });
    expect(failed.broken?.details[0]).toBe(
      'PodGroup default/leader: PodGroupInitiallyScheduled=False/Unschedulable: minCount (1) cannot be satisfied: 0 scheduled, 0 remaining',
    );
    const pending = run('compositepodgroup/job', { workloads: [train()], compositePodGroups: [gangJob(1), stage()], podGroups: [] });
    expect(linkOf(pending, 'children')).toMatchObject({
      status: 'warning',
      fix: 'see why with kubectl workload explain compositepodgroup/stage',
    });
  });

  it('a CompositePodGroup being deleted waits for its children (ADM-11, ADM-12, CPG-13)', () => {
    const deleting = gangJob(1, { metadata: { name: 'job', namespace: 'default', deletionTimestamp: '2026-11-23T11:00:00Z' } });
    const d = run('compositepodgroup/job', { workloads: [train()], compositePodGroups: [deleting, stage()], podGroups: [leader()] });
    expect(d.broken).toMatchObject({
      link: 'deletion',
      summary:
        'CompositePodGroup default/job is being deleted: it stays until its 2 child groups are gone, and PodGroupProtection refuses new children',
      fix: 'delete the child groups first (podgroup/leader, compositepodgroup/stage), then recreate the hierarchy from Workload "train" if it is still needed',
      refs: ['ADM-11', 'ADM-12', 'CPG-13'],
    });
  });

  it('says when the template changed minGroupCount after the CompositePodGroup was made (CPG-06)', () => {
    const d = run('compositepodgroup/job', { workloads: [train()], compositePodGroups: [gangJob(2), stage()], podGroups: [leader()] });
    expect(linkOf(d, 'workload')?.details).toEqual([
      'the template now says gang minGroupCount 1, this CompositePodGroup has gang minGroupCount 2: its policy is immutable (CPG-06), recreate it to follow the template',
    ]);
  });

  it('walks a child CompositePodGroup up to its root', () => {
    const d = run('compositepodgroups/stage', {
      workloads: [train()],
      compositePodGroups: [gangJob(1), stage()],
      podGroups: [workers('stage')],
    });
    expect(chainOf(d)).toEqual(['workload:ok', 'parent:ok', 'children:warning']);
    expect(linkOf(d, 'parent')?.summary).toBe('CompositePodGroup default/stage is under the root CompositePodGroup default/job');
  });

  it('breaks on a missing Workload or a reference to a pod group template (X-22)', () => {
    const gone = run('compositepodgroup/job', { compositePodGroups: [gangJob(1)] });
    expect(gone.broken).toMatchObject({
      link: 'workload',
      summary:
        'CompositePodGroup default/job references Workload "train", which does not exist: Kubernetes 1.37 does not check the reference',
      refs: ['X-22'],
    });
    const wrong = compositePodGroup('job', {
      workloadRef: { workloadName: 'train', templateName: 'workers' },
      schedulingPolicy: { basic: {} },
    });
    expect(run('compositepodgroup/job', { workloads: [train()], compositePodGroups: [wrong] }).broken?.summary).toBe(
      '"workers" is a pod group template of Workload default/train: a CompositePodGroup is made from a composite template (it has: job, stage)',
    );
  });
});
