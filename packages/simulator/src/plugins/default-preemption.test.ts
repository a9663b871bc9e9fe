import type { Node, Pod, ResourceClaim } from '@kubectl-workload/api';
import { attempt, cpuPod, info, node, setup } from '../test-support/builders.js';
import { preemptPod, type PreemptionEnv } from './default-preemption.js';
import type { DraObjects } from './dynamic-resources.js';
import { PriorityResolver } from '../preemption/priority.js';

function on(nodeName: string, name: string, cpu: string, priority: number, startTime?: string): Pod {
  return { ...cpuPod(name, cpu, { nodeName, priority }), ...(startTime ? { status: { startTime } } : {}) };
}

function preempt(nodes: Node[], pods: Pod[], preemptor: Pod, nominated?: string, dra?: Partial<DraObjects>) {
  const { scheduler } = setup(nodes, pods, [preemptor], dra);
  const env: PreemptionEnv = {
    scheduler,
    priorities: new PriorityResolver([], new Map()),
    budgets: () => [],
    nominatedNode: () => (nominated ? scheduler.cluster.nodeIndex.get(nominated) : undefined),
  };
  const tried = attempt(scheduler, preemptor);
  const result = preemptPod(env, info(preemptor), tried, scheduler.allNodes);
  return {
    ...result,
    nodeName: result.node === undefined ? undefined : scheduler.cluster.nodes[result.node]?.name,
    fit: tried.fitError?.message,
  };
}

const two = [node('n1', { cpu: '2' }), node('n2', { cpu: '2' })];

describe('DefaultPreemption candidate choice (pickOneNodeForPreemption, spec §4)', () => {
  it('prefers the node whose most important victim has the lowest priority', () => {
    expect(preempt(two, [on('n1', 'a', '2', 8), on('n2', 'b', '2', 3)], cpuPod('me', '2', { priority: 10 })).nodeName).toBe('n2');
  });

  it('then the smallest sum of victim priorities', () => {
    const pods = [on('n1', 'a1', '1', 5), on('n1', 'a2', '1', 5), on('n2', 'b1', '1', 5), on('n2', 'b2', '1', 1)];
    expect(preempt(two, pods, cpuPod('me', '2', { priority: 10 })).nodeName).toBe('n2');
  });

  it('then the smallest sum, which with the MaxInt32+1 offset per victim also prefers fewer victims', () => {
    const pods = [on('n1', 'a1', '1', 0), on('n1', 'a2', '1', 0), on('n2', 'b1', '2', 0)];
    expect(preempt(two, pods, cpuPod('me', '2', { priority: 10 })).nodeName).toBe('n2');
  });

  it('then the latest start of the most important victims, and reports a remaining tie', () => {
    const pods = [on('n1', 'a', '2', 0, '2026-01-02T00:00:00Z'), on('n2', 'b', '2', 0, '2026-01-01T00:00:00Z')];
    expect(preempt(two, pods, cpuPod('me', '2', { priority: 10 })).nodeName).toBe('n1');
    const tied = preempt(two, [on('n1', 'a', '2', 0), on('n2', 'b', '2', 0)], cpuPod('me', '2', { priority: 10 }));
    expect(tied.nodeName).toBe('n1');
    expect(tied.tie).toEqual({ count: 2, nodes: ['n1', 'n2'] });
  });

  it('returns no message and the victims of the chosen node on success', () => {
    const r = preempt(two, [on('n1', 'a', '2', 8), on('n2', 'b', '2', 3)], cpuPod('me', '2', { priority: 10 }));
    expect(r.message).toBe('');
    expect(r.victims.map((v) => v.name)).toEqual(['b']);
  });
});

describe('DefaultPreemption messages (spec §5.1)', () => {
  const tainted = node('t1', { cpu: '2' }, { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } });

  it('counts unresolvable nodes as "not helpful" and nodes without lower-priority pods as "no victims", after the DRA reason', () => {
    const r = preempt(
      [tainted, node('n1', { cpu: '2' }), node('n2', { cpu: '2' })],
      [on('n1', 'x', '2', 50), on('n2', 'y', '2', 50)],
      cpuPod('me', '1', { priority: 10 }),
    );
    expect(r.node).toBeUndefined();
    expect(r.message).toBe(
      'no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('reports the filter reason of a node that stays too small with its victims gone, after DRA\'s "still not schedulable" for a pod with claims', () => {
    const me = cpuPod('me', '2', { priority: 10, resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpu' }] });
    // Allocated without a node selector: usable everywhere, so DynamicResources has nothing to deallocate.
    const claim: ResourceClaim = { metadata: { name: 'gpu', namespace: 'default' }, status: { allocation: {} } };
    const r = preempt([node('n1', { cpu: '2' })], [on('n1', 'big', '1', 50), on('n1', 'small', '1', 1)], me, undefined, {
      resourceClaims: [claim],
    });
    expect(r.message).toBe('still not schedulable, preemption: 0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('is not eligible with preemptionPolicy Never', () => {
    const r = preempt([node('n1', { cpu: '1' })], [on('n1', 'x', '1', 0)], cpuPod('me', '1', { priority: 10, preemptionPolicy: 'Never' }));
    expect(r.message).toBe('no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('is not eligible while a lower-priority pod preempted earlier still terminates on its nominated node', () => {
    const leaving: Pod = {
      ...on('n1', 'leaving', '1', 0),
      metadata: { name: 'leaving', namespace: 'default', deletionTimestamp: '2026-01-01T00:00:00Z' },
      status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] },
    };
    const r = preempt([node('n1', { cpu: '1' })], [leaving], cpuPod('me', '1', { priority: 10 }), 'n1');
    expect(r.message).toBe('no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.');
  });
});
