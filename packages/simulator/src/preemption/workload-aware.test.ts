import type { Pod, PodGroup } from '@kubectl-workload/api';
import type { GroupContext } from '../default-algorithm.js';
import { cpuPod, gang, info, node, setup } from '../test-support/builders.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import { PriorityResolver } from './priority.js';
import { moreImportantVictim, workloadAwarePreemption, type VictimUnit } from './workload-aware.js';

function group(name: string, spec: PodGroup['spec']): PodGroup {
  const g = gang(name, 1);
  return { ...g, spec: { ...g.spec, ...spec } };
}

function member(name: string, cpu = '1'): Pod {
  return cpuPod(name, cpu, { schedulingGroup: { podGroupName: 'g' } });
}

function run(bound: Pod[], preemptor: PodGroup, members: Pod[], groups: PodGroup[] = [], topologyKey?: string, nominated?: number) {
  const { cluster, scheduler } = setup([node('n1', { cpu: '4' })], bound, members);
  const byKey = new Map([preemptor, ...groups].map((g) => [`default/${g.metadata?.name ?? ''}`, g]));
  const ctx: GroupContext = {
    cluster,
    scheduler,
    groupKey: 'default/g',
    policy: { minCount: preemptor.spec?.schedulingPolicy?.gang?.minCount, topologyKey },
    options: {},
  };
  const before = Float64Array.from(cluster.requested);
  const result = workloadAwarePreemption(
    ctx,
    preemptor,
    members.map(info),
    new PriorityResolver([], byKey),
    () => [],
    () => nominated,
  );
  expect(cluster.requested).toEqual(before);
  return result;
}

const low = (name: string, priority: number, extra: Pod['spec'] = {}) => cpuPod(name, '1', { nodeName: 'n1', priority, ...extra });

describe('workload-aware preemption (PodGroupEvaluator, spec §4)', () => {
  it('removes all lower units, then reprieves the most important while the group still fits with as many members placed', () => {
    const bound = [low('v5a', 5), low('v5b', 5), low('v10a', 10), low('v10b', 10)];
    const result = run(bound, group('g', { priority: 50, schedulingPolicy: { gang: { minCount: 2 } } }), [member('m0'), member('m1')]);
    expect(result.ok && result.victims.map((u) => u.pods.map((p) => p.name))).toEqual([['v5a'], ['v5b']]);
    expect(result.ok && [...result.nominations.values()]).toEqual([0, 0]);
  });

  it('judges pods by their PodGroup priority and removes a disruptionMode PodGroup group whole', () => {
    const batch = group('batch', { priority: 10, disruptionMode: 'PodGroup' });
    const inBatch = (name: string) => low(name, 99, { schedulingGroup: { podGroupName: 'batch' } });
    const result = run(
      [inBatch('b0'), inBatch('b1'), inBatch('b2'), low('single', 10)],
      group('g', { priority: 100, schedulingPolicy: { gang: { minCount: 2 } } }),
      [member('m0'), member('m1')],
      [batch],
    );
    expect(result.ok && result.victims.map((u) => [u.group, u.pods.length])).toEqual([['default/batch', 3]]);
  });

  it('fails with the upstream reasons: no lower units, a topology constraint, preemptionPolicy Never, or no fit even with every victim gone', () => {
    const g = group('g', { priority: 5, schedulingPolicy: { gang: { minCount: 1 } } });
    expect(run([low('x', 5)], g, [member('m0', '2')])).toEqual({ ok: false, message: PREEMPTION_MESSAGE.noVictimsForPreemptor });
    expect(run([low('x', 1)], g, [member('m0', '2')], [], 'rack')).toEqual({
      ok: false,
      message: PREEMPTION_MESSAGE.constraintsUnsupported,
    });
    const never: Pod = { ...member('m0', '2'), spec: { ...member('m0', '2').spec, preemptionPolicy: 'Never' } };
    expect(run([low('x', 1)], g, [never])).toEqual({ ok: false, message: PREEMPTION_MESSAGE.policyNever });
    expect(run([low('x', 1)], g, [member('m0', '5')])).toEqual({ ok: false, message: 'pod group is unschedulable' });
  });

  it('is not eligible while a lower-priority victim of an earlier preemption still terminates on a nominated node', () => {
    const leaving: Pod = {
      ...low('leaving', 1),
      metadata: { name: 'leaving', namespace: 'default', deletionTimestamp: '2026-01-01T00:00:00Z' },
      status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] },
    };
    const g = group('g', { priority: 5, schedulingPolicy: { gang: { minCount: 1 } } });
    expect(run([leaving, low('x', 1)], g, [member('m0', '3')], [], undefined, 0)).toEqual({
      ok: false,
      message: PREEMPTION_MESSAGE.terminatingOnNominated,
    });
    expect(run([leaving, low('x', 1)], g, [member('m0', '3')]).ok).toBe(true);
  });
});

describe('moreImportantVictim', () => {
  const unit = (name: string, priority: number, group?: string, size = 1, startTime?: string): VictimUnit => ({
    pods: Array.from({ length: size }, (_, i) => info({ ...cpuPod(`${name}-${i}`, '1'), ...(startTime ? { status: { startTime } } : {}) })),
    group,
    priority,
  });

  it('orders by priority, PodGroups before pods, larger groups first, then the earlier start', () => {
    const units = [
      unit('pod-late', 5, undefined, 1, '2026-01-02T00:00:00Z'),
      unit('small', 5, 'g1', 2),
      unit('pod-early', 5, undefined, 1, '2026-01-01T00:00:00Z'),
      unit('big', 5, 'g2', 3),
      unit('top', 9),
    ];
    expect(units.sort(moreImportantVictim).map((u) => u.pods[0]?.name)).toEqual(['top-0', 'big-0', 'small-0', 'pod-early-0', 'pod-late-0']);
  });
});
