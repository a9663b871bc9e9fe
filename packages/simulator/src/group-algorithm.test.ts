import type { GroupContext, GroupPolicy, PostFilter } from './default-algorithm.js';
import { runGroupAlgorithm } from './group-algorithm.js';
import { cpuPod, info, node, setup } from './test-support/builders.js';
import type { Pod } from '@kubectl-workload/api';

function member(name: string, cpu: string, extra: Partial<Pod['spec']> = {}) {
  return info(cpuPod(name, cpu, { schedulingGroup: { podGroupName: 'g' }, ...extra }));
}

function context(
  nodes = [node('n1', { cpu: '3' })],
  policy: GroupPolicy = { minCount: 3, topologyKey: undefined },
  postFilter?: PostFilter,
  bound: Pod[] = [],
): GroupContext {
  const { cluster, scheduler } = setup(nodes, bound);
  return { cluster, scheduler, groupKey: 'default/g', policy, options: postFilter ? { postFilter } : {} };
}

describe('runGroupAlgorithm (default algorithm, spec §1.4)', () => {
  it('Wait, Wait, Success: Permit succeeds once assumed members reach minCount', () => {
    const ctx = context();
    const result = runGroupAlgorithm(ctx, [member('a', '1'), member('b', '1'), member('c', '1')]);
    expect(result.members.map((m) => m.code)).toEqual(['Wait', 'Wait', 'Success']);
    expect(result.status).toEqual({ code: 'Success', message: '', waitingOnPreemption: false });
  });

  it('Wait, Wait, Unschedulable: the group is unschedulable and every assume is reverted', () => {
    const ctx = context();
    const before = Float64Array.from(ctx.cluster.requested);
    const result = runGroupAlgorithm(ctx, [member('a', '1'), member('b', '1'), member('c', '2')]);
    expect(result.members.map((m) => m.code)).toEqual(['Wait', 'Wait', 'Unschedulable']);
    expect(result.members[0]?.message).toBe('waiting for minCount pods from a gang to be scheduled');
    expect(result.members[2]?.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(result.status).toEqual({ code: 'Unschedulable', message: 'pod group is unschedulable', waitingOnPreemption: false });
    expect(ctx.cluster.requested).toEqual(before);
    expect(ctx.cluster.scheduledMembers('default/g')).toHaveLength(0);
  });

  it('a rejected member does not stop the cycle: a later member can still succeed (basic policy)', () => {
    const ctx = context([node('n1', { cpu: '2' })], { minCount: undefined, topologyKey: undefined });
    const result = runGroupAlgorithm(ctx, [member('big', '3'), member('small', '1')]);
    expect(result.members.map((m) => m.code)).toEqual(['Unschedulable', 'Success']);
    expect(result.status.code).toBe('Success');
  });

  it('bound members count toward minCount', () => {
    const ctx = context([node('n1', { cpu: '3' })], { minCount: 2, topologyKey: undefined }, undefined, [
      cpuPod('old', '1', { nodeName: 'n1', schedulingGroup: { podGroupName: 'g' } }),
    ]);
    expect(runGroupAlgorithm(ctx, [member('new', '1')]).members[0]?.code).toBe('Success');
  });

  it('a PostFilter nomination marks the member as requiring preemption and the group as waiting for it', () => {
    const ctx = context([node('n1', { cpu: '1' })], { minCount: 2, topologyKey: undefined }, () => ({ node: 0, message: '', victims: [] }));
    const result = runGroupAlgorithm(ctx, [member('a', '2'), member('b', '2')]);
    expect(result.members.map((m) => [m.code, m.node])).toEqual([
      ['RequiresPreemption', 0],
      ['RequiresPreemption', 0],
    ]);
    expect(result.status).toEqual({
      code: 'Unschedulable',
      message: 'pod group is unschedulable, pod group is waiting for preemption to complete',
      waitingOnPreemption: true,
    });
  });
});

describe('runGroupAlgorithm with a topology key (spec §3)', () => {
  const racks = [node('a1', { cpu: '2' }, { labels: { rack: 'a' } }), node('b1', { cpu: '2' }, { labels: { rack: 'b' } })];

  it('errors when already scheduled members sit in two domains', () => {
    const bound = [
      cpuPod('x', '1', { nodeName: 'a1', schedulingGroup: { podGroupName: 'g' } }),
      cpuPod('y', '1', { nodeName: 'b1', schedulingGroup: { podGroupName: 'g' } }),
    ];
    const ctx = context(racks, { minCount: 1, topologyKey: 'rack' }, undefined, bound);
    const result = runGroupAlgorithm(ctx, [member('z', '1')]);
    expect(result.status).toEqual({
      code: 'Error',
      message: 'cannot determine domain for already scheduled pods: pods are in 2 domains of "rack": a, b',
      waitingOnPreemption: false,
    });
  });

  it('evaluates placements in name order and counts only the placement nodes in FitErrors', () => {
    const ctx = context(racks, { minCount: 2, topologyKey: 'rack' });
    const result = runGroupAlgorithm(ctx, [member('m0', '1'), member('m1', '1')]);
    expect(result.placements).toMatchObject({ generated: ['a', 'b'], feasible: ['a', 'b'], chosen: 'a', tie: ['a', 'b'] });
    // cpu 2000/2000 → 100, memory 2 × 200Mi non-zero default of 8Gi → 4; mean 52.
    expect(result.placements?.scores.a).toEqual({ NodeResourcesFit: 52, PodGroupPodsCount: 100, total: 152 });
    const tooBig = runGroupAlgorithm(context(racks, { minCount: 1, topologyKey: 'rack' }), [member('m', '3')]);
    expect(tooBig.status.message).toBe('0/2 placements are available, first placement status: pod group is unschedulable');
  });
});
