// simulate with preemption (spec scheduler.md §4): victims[] in the JSON report, the Preempted
// section and nominations in the text, --no-preemption's plain fit, and --write-snapshot.

import type { KubeObject, Pod } from '@kubectl-workload/api';
import { runSimulateCommand } from './report.js';
import { renderText } from './text.js';
import { applySimulation } from './write-snapshot.js';

const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1' },
  status: { allocatable: { cpu: '2', memory: '8Gi', pods: '110' } },
} as KubeObject;

function pod(name: string, priority: number, extra: Pod['spec'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { priority, containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }], ...extra },
  };
}

const objects: KubeObject[] = [
  node,
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'batch', namespace: 'default' },
    spec: { schedulingPolicy: { basic: {} } },
  } as KubeObject,
  pod('b0', 1, { nodeName: 'n1', schedulingGroup: { podGroupName: 'batch' } }),
  pod('b1', 1, { nodeName: 'n1', schedulingGroup: { podGroupName: 'batch' } }),
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'gang', namespace: 'default' },
    spec: { schedulingPolicy: { gang: { minCount: 2 } } },
  } as KubeObject,
  pod('g0', 100, { schedulingGroup: { podGroupName: 'gang' } }),
  pod('g1', 100, { schedulingGroup: { podGroupName: 'gang' } }),
];

describe('simulate with preemption', () => {
  it('reports the victims in JSON and the Preempted section in text', () => {
    const { report } = runSimulateCommand(objects, { preemption: true, now: '2026-05-01T00:00:00Z' });
    expect(report.victims.map((v) => [v.name, v.node, v.podGroup, v.preemptor, v.preemptorGroup, v.mechanism])).toEqual([
      ['b1', 'n1', 'batch', 'default/g0', 'gang', 'DefaultPreemption'],
      ['b0', 'n1', 'batch', 'default/g1', 'gang', 'DefaultPreemption'],
    ]);
    expect(report.summary).toEqual({ Scheduled: 2, Unschedulable: 0, Gated: 0, Preempted: 0 });
    const text = renderText(report);
    expect(text).toContain('Preempted: 2 pods in 1 PodGroup\n');
    expect(text).toMatch(/^ {2}default\/b1 +n1 +1 +batch +default\/g0 +DefaultPreemption$/m);
    expect(text).toContain('1 nodes; pods: 2 scheduled, 0 unschedulable, 0 gated, 0 preempted; 2 victims evicted\n');
  });

  it('shows the nomination of a group waiting for preemption after one cycle', () => {
    const { report } = runSimulateCommand(objects, { preemption: true, podGroup: 'default/gang', now: '2026-05-01T00:00:00Z' });
    expect(report.pods.map((p) => [p.name, p.outcome, p.nominatedNode])).toEqual([
      ['g0', 'Unschedulable', 'n1'],
      ['g1', 'Unschedulable', 'n1'],
    ]);
    expect(renderText(report)).toContain('  default/g0 (Unschedulable, nominated to n1): 0/1 nodes are available: 1 Insufficient cpu.\n');
  });

  it('without preemption shows the plain fit: no victims, no PostFilter message, no Preempted count', () => {
    const { report } = runSimulateCommand(objects, { now: '2026-05-01T00:00:00Z' });
    expect(report.victims).toEqual([]);
    expect(report.summary).toEqual({ Scheduled: 0, Unschedulable: 2, Gated: 0 });
    expect(report.pods.find((p) => p.name === 'g1')?.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(report.notes.some((n) => n.startsWith('preemption (PostFilter) is not simulated'))).toBe(true);
  });

  it('--write-snapshot drops the victims and records nominations', () => {
    const run = runSimulateCommand(objects, { preemption: true, podGroup: 'default/gang', now: '2026-05-01T00:00:00Z' });
    const written = applySimulation(objects, run.result, run.simulation) as Pod[];
    expect(written.filter((o) => o.kind === 'Pod').map((p) => [p.metadata?.name, p.status?.nominatedNodeName])).toEqual([
      ['g0', 'n1'],
      ['g1', 'n1'],
    ]);
  });
});
