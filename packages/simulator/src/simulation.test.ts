import { parseFeatureGates, type PriorityClass } from '@kubectl-workload/api';
import { simulationInput } from './input.js';
import { defaultProfile, FILTER_PLUGINS } from './profile.js';
import { placementTieNote, Simulation } from './simulation.js';
import { cpuPod, gang, node, pod } from './test-support/builders.js';

const NOW = '2026-05-01T00:00:00Z';

describe('Simulation', () => {
  it('keeps the per-node, per-plugin trace only when asked', () => {
    const objects = [node('small', { cpu: '1' }), node('big'), cpuPod('p', '2')];
    const traced = new Simulation(simulationInput(objects), { now: NOW, trace: true }).runToQuiescence();
    expect(traced.pods[0]?.trace?.filter.small?.NodeResourcesFit).toBe('Insufficient cpu');
    expect(traced.pods[0]?.trace?.finalScore.big?.TaintToleration).toBe(300);
    expect(new Simulation(simulationInput(objects), { now: NOW }).runToQuiescence().pods[0]?.trace).toBeUndefined();
  });

  it('orders the queue by priority (globalDefault PriorityClass for pods without one), then creation time', () => {
    const low: PriorityClass = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'low' },
      value: 5,
      globalDefault: true,
    };
    const high: PriorityClass = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 50 };
    const first = { ...cpuPod('first', '1'), metadata: { name: 'first', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' } };
    const urgent = {
      ...cpuPod('urgent', '1', { priorityClassName: 'high' }),
      metadata: { name: 'urgent', namespace: 'default', creationTimestamp: '2026-01-01T00:00:09Z' },
    };
    const result = new Simulation(simulationInput([node('n1', { cpu: '1' }), low, high, first, urgent]), { now: NOW }).runToQuiescence();
    expect(result.pods.map((p) => `${p.name}:${p.outcome}`)).toEqual(['urgent:Scheduled', 'first:Unschedulable']);
  });

  it('ignores Succeeded/Failed pods, pods bound to nodes outside the snapshot and pending pods being deleted', () => {
    const done = { ...cpuPod('done', '4', { nodeName: 'n1' }), status: { phase: 'Succeeded' } };
    const elsewhere = cpuPod('elsewhere', '4', { nodeName: 'gone' });
    const deleting = {
      ...pod('deleting', { schedulingGroup: { podGroupName: 'g' } }),
      metadata: { name: 'deleting', namespace: 'default', deletionTimestamp: NOW },
    };
    const result = new Simulation(simulationInput([node('n1'), done, elsewhere, deleting, gang('g', 1), cpuPod('p', '4')]), {
      now: NOW,
    }).runToQuiescence();
    expect(result.pods).toEqual([expect.objectContaining({ name: 'p', outcome: 'Scheduled', node: 'n1' })]);
  });

  it('runPodGroup runs one cycle and exposes the condition it would write; bindings name every bound pod', () => {
    const members = [0, 1].map((i) => pod(`m${i}`, { schedulingGroup: { podGroupName: 'g' } }));
    const sim = new Simulation(simulationInput([node('n1'), gang('g', 2), ...members, pod('other')]), { now: NOW });
    const result = sim.runPodGroup('default', 'g');
    expect([...result.bindings]).toEqual([
      ['default/m0', 'n1'],
      ['default/m1', 'n1'],
    ]);
    expect(result.pods.map((p) => p.name)).toEqual(['m0', 'm1']);
    expect(sim.conditionOf('default', 'g')).toEqual({
      type: 'PodGroupScheduled',
      status: 'True',
      reason: 'Scheduled',
      message: '',
      lastTransitionTime: NOW,
    });
  });
  it("runs a pod's preemption dry runs with its own profile's filters", () => {
    // The tainted node fits only under the profile without TaintToleration; the host port makes
    // the dry run re-run every filter instead of only the resource arithmetic.
    const tainted = node('tainted', { cpu: '2' }, { spec: { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] } });
    const low = cpuPod('low', '2', { nodeName: 'tainted', priority: 1 });
    const preemptor = cpuPod('preemptor', '2', {
      schedulerName: 'no-taints',
      priority: 100,
      containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }], resources: { requests: { cpu: '2' } } }],
    });
    const noTaints = { ...defaultProfile('no-taints'), filters: FILTER_PLUGINS.filter((f) => f !== 'TaintToleration') };
    const result = new Simulation(simulationInput([tainted, low, preemptor]), {
      now: NOW,
      profiles: [defaultProfile(), noTaints],
      preemption: {},
    }).runToQuiescence();
    expect(result.victims.map((v) => v.name)).toEqual(['low']);
    expect(result.pods.find((p) => p.name === 'preemptor')).toMatchObject({ outcome: 'Scheduled', node: 'tainted' });
  });
});

describe('Simulation tie reporting', () => {
  it('names at most five members with tied nodes in the group, each pod keeping its own tie', () => {
    const members = Array.from({ length: 8 }, (_, i) => pod(`m${i}`, { schedulingGroup: { podGroupName: 'g' } }));
    const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`));
    const result = new Simulation(simulationInput([...nodes, gang('g', 8), ...members]), { now: NOW }).runToQuiescence();
    const tieBroken = result.podGroups[0]?.tieBroken ?? '';
    expect(tieBroken.match(/nodes tied at score/g)).toHaveLength(5);
    expect(tieBroken).toMatch(/; 3 more members had tied nodes$/);
    expect(result.pods.every((p) => p.tie !== undefined)).toBe(true);
  });

  it('names up to five tied placements, and counts more in one sentence', () => {
    expect(placementTieNote(['a', 'b'], 'a')).toBe('placements a, b tied; chose a (first by name), kube-scheduler picks one at random');
    const racks = Array.from({ length: 1000 }, (_, i) => `rack-${i}`);
    expect(placementTieNote(racks, 'rack-0')).toBe(
      '1000 placements tied (rack-0, rack-1, rack-2, …); chose rack-0 (first by name), kube-scheduler picks one at random',
    );
  });
});

describe('Simulation feature gates', () => {
  const member = (name: string) => cpuPod(name, '3', { schedulingGroup: { podGroupName: 'g' } });
  const run = (gates: string, objects: Parameters<typeof simulationInput>[0]) =>
    new Simulation(simulationInput(objects), { now: NOW, gates: parseFeatureGates(gates) }).runToQuiescence();

  it('GangScheduling off: a gang binds pod by pod as members fit (no quorum, no Permit wait)', () => {
    const objects = [node('n1'), gang('g', 3), member('a'), member('b')];
    expect(run('', objects).pods.map((p) => p.outcome)).toEqual(['Gated', 'Gated']);
    expect(run('WorkloadAwarePreemption=false,GangScheduling=false', objects).pods.map((p) => [p.name, p.outcome])).toEqual([
      ['a', 'Scheduled'],
      ['b', 'Unschedulable'],
    ]);
  });

  it('GenericWorkload off: schedulingGroup does nothing, the pods are scheduled alone and no group is reported', () => {
    const result = run(
      'GenericWorkload=false,GangScheduling=false,WorkloadAwarePreemption=false,TopologyAwareWorkloadScheduling=false,WorkloadWithJob=false',
      [node('n1'), member('a')],
    );
    expect(result.pods[0]).toMatchObject({ outcome: 'Scheduled', podGroup: undefined });
    expect(result.podGroups).toEqual([]);
  });

  it('TopologyAwareWorkloadScheduling off: the topology constraint is ignored', () => {
    const objects = [
      node('a1', {}, { labels: { rack: 'a' } }),
      node('b1', {}, { labels: { rack: 'b' } }),
      gang('g', 2, 'rack'),
      member('x'),
      member('y'),
    ];
    expect(run('', objects).podGroups[0]?.outcome).toBe('Unschedulable');
    const off = run('TopologyAwareWorkloadScheduling=false', objects);
    expect(off.podGroups[0]).toMatchObject({ outcome: 'Scheduled', placements: undefined });
  });
});
