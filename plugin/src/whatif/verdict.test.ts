// "Does my job fit now?" over real simulations: the what-if added to a small cluster, the report
// narrowed to it, and one verdict per unit.

import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '@kubectl-workload/api';
import { stateFromObjects } from '@kubectl-workload/cluster';
import { loadManifests } from '../input/manifests.js';
import { runSimulateCommand } from '../simulate/report.js';
import { withWhatIf } from './read.js';
import { reportSelection } from './selection.js';
import { synthesizeWhatIf } from './synthesize.js';
import { renderVerdicts, whatIfVerdict } from './verdict.js';

const NOW = '2026-11-23T12:00:00Z';

function node(name: string, cpu: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { allocatable: { cpu, memory: '16Gi', pods: '110' } },
  } as KubeObject;
}

function pod(name: string, cpu: string, extra: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'ml', creationTimestamp: '2026-11-01T00:00:00Z' },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu } } }], ...extra },
  } as KubeObject;
}

function job(name: string, pods: number, cpu: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  parallelism: ${pods}
  completions: ${pods}
  completionMode: Indexed
  template: {spec: {containers: [{name: main, image: t, resources: {requests: {cpu: '${cpu}'}}}]}}
`;
}

function simulate(cluster: KubeObject[], manifest: string, preemption = false) {
  const whatIf = synthesizeWhatIf(loadManifests({ name: 'whatif.yaml', text: manifest }).objects, 'ml', NOW);
  const run = runSimulateCommand(withWhatIf(stateFromObjects(cluster), whatIf), {
    now: NOW,
    preemption,
    include: reportSelection({ namespace: undefined, whatIf }),
  });
  return { run, verdicts: whatIf.units.map((u) => whatIfVerdict(u, run.result)) };
}

const cluster = [node('n1', '4'), node('n2', '4'), pod('other', '1', {})];

describe('whatIfVerdict', () => {
  it('a gang that fits: every pod placed, its nodes named; the report lists only the what-if', () => {
    const { run, verdicts } = simulate(cluster, job('train', 4, '1'));
    expect(verdicts[0]).toMatchObject({
      kind: 'Job',
      namespace: 'ml',
      name: 'train',
      fits: true,
      pods: 4,
      scheduled: 4,
      nodes: ['n1', 'n2'],
      preempts: 0,
      message: 'fits now: 4/4 pods on n1, n2',
    });
    expect(run.report.pods.map((p) => p.name)).toEqual(['train-0', 'train-1', 'train-2', 'train-3']);
    expect(run.report.podGroups.map((g) => g.name)).toEqual([verdicts[0]?.podGroup]);
    expect(run.report.summary).toMatchObject({ Scheduled: 4, Unschedulable: 0 });
  });

  it('a gang that does not fit: nothing placed, the group message and the FitError of the pod that found no node', () => {
    const { verdicts } = simulate(cluster, job('big', 3, '3'));
    const group = verdicts[0]?.podGroup ?? '';
    expect(verdicts[0]).toMatchObject({ fits: false, pods: 3, scheduled: 0, nodes: [] });
    expect(verdicts[0]?.message).toBe(
      `does not fit now: 0/3 pods placed; PodGroup ${group}: pod group is unschedulable; big-2: 0/2 nodes are available: 2 Insufficient cpu.`,
    );
    expect(renderVerdicts(verdicts)).toBe(`What-if (-f):\n  Job ml/big (3 pods, PodGroup ${group}): ${verdicts[0]?.message}\n\n`);
  });

  it('counts the pods preemption evicts for it', () => {
    const busy = [node('n1', '2'), pod('low-0', '1', { nodeName: 'n1', priority: 1 }), pod('low-1', '1', { nodeName: 'n1', priority: 1 })];
    const urgent = `apiVersion: v1\nkind: Pod\nmetadata: {name: urgent}\nspec: {priority: 100, containers: [{name: c, resources: {requests: {cpu: '1'}}}]}\n`;
    expect(simulate(busy, urgent, false).verdicts[0]).toMatchObject({ kind: 'Pod', fits: false, preempts: 0 });
    expect(simulate(busy, urgent, true).verdicts[0]).toMatchObject({
      kind: 'Pod',
      fits: true,
      preempts: 1,
      message: 'fits now: 1/1 pods on n1, after preempting 1 pod',
    });
  });

  it('has nothing to say about a PodGroup no pending pod names', () => {
    const { verdicts } = simulate(
      cluster,
      'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: empty}\nspec: {schedulingPolicy: {basic: {}}}\n',
    );
    expect(verdicts[0]).toMatchObject({ kind: 'PodGroup', fits: null, pods: 0, message: 'no pending pod names this PodGroup' });
  });

  it('a PodGroup of -f lets pending pods of the cluster that name it run (what the scheduler waits for, X-15)', () => {
    const waiting = [
      ...cluster,
      pod('w-0', '1', { schedulingGroup: { podGroupName: 'late' } }),
      pod('w-1', '1', { schedulingGroup: { podGroupName: 'late' } }),
    ];
    const { run, verdicts } = simulate(
      waiting,
      'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: late}\nspec: {schedulingPolicy: {gang: {minCount: 2}}}\n',
    );
    expect(verdicts[0]).toMatchObject({ kind: 'PodGroup', fits: true, pods: 2, scheduled: 2 });
    expect(run.report.pods.map((p) => p.name)).toEqual(['w-0', 'w-1']);
  });
});

it('an added node is not a unit: every pending pod is reported, and the extra room used', () => {
  const gang = [node('n1', '2'), ...['g-0', 'g-1', 'g-2'].map((name) => pod(name, '1', { schedulingGroup: { podGroupName: 'g' } }))];
  const group = {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'g', namespace: 'ml' },
    spec: { schedulingPolicy: { gang: { minCount: 3 } } },
  } as KubeObject;
  const { run, verdicts } = simulate(
    [...gang, group],
    'apiVersion: v1\nkind: Node\nmetadata: {name: n2}\nstatus: {allocatable: {cpu: "2", memory: 16Gi, pods: "110"}}\n',
  );
  expect(verdicts).toEqual([]);
  expect(renderVerdicts(verdicts)).toBe(
    'What-if (-f): no Job, Deployment, StatefulSet, PodGroup or Pod to place; every pending pod is reported\n\n',
  );
  expect(run.report.pods.map((p) => `${p.name}:${p.outcome}`)).toEqual(['g-0:Scheduled', 'g-1:Scheduled', 'g-2:Scheduled']);
});

describe('reportSelection', () => {
  it('-n narrows groups and pods to a namespace; nothing selected means everything', () => {
    expect(reportSelection({ namespace: undefined, whatIf: undefined })).toBeUndefined();
    const ml = reportSelection({ namespace: 'ml', whatIf: undefined });
    expect([ml?.pod('ml', 'a', null), ml?.pod('web', 'a', null), ml?.podGroup('ml', 'g'), ml?.podGroup('web', 'g')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
