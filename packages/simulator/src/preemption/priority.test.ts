import type { PodGroup, PriorityClass } from '@kubectl-workload/api';
import { cpuPod, gang, info, pod } from '../test-support/builders.js';
import { moreImportantPod, PriorityResolver } from './priority.js';

const classes: PriorityClass[] = [
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' },
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'default' }, value: 7, globalDefault: true },
];

function withSpec(spec: PodGroup['spec']): PodGroup {
  const g = gang('g', 1);
  return { ...g, spec: { ...g.spec, ...spec } };
}

describe('PriorityResolver (spec §0, §4)', () => {
  it('resolves a PodGroup priority: spec.priority, else its class, else the globalDefault class, else 0', () => {
    const r = new PriorityResolver(classes, new Map());
    expect(r.podGroupPriority(withSpec({ priority: 3, priorityClassName: 'high' }))).toBe(3);
    expect(r.podGroupPriority(withSpec({ priorityClassName: 'high' }))).toBe(1000);
    expect(r.podGroupPriority(withSpec({}))).toBe(7);
    expect(new PriorityResolver([], new Map()).podGroupPriority(withSpec({}))).toBe(0);
  });

  it('judges a pod by its PodGroup priority for workload-aware preemption, by its own otherwise', () => {
    const groups = new Map([['default/g', withSpec({ priority: 50 })]]);
    const r = new PriorityResolver([], groups);
    expect(r.workloadPriority(info(pod('m', { priority: 1, schedulingGroup: { podGroupName: 'g' } })))).toBe(50);
    expect(r.workloadPriority(info(pod('solo', { priority: 1 })))).toBe(1);
  });

  it('takes preemptionPolicy from the pod spec, else from its PriorityClass', () => {
    const r = new PriorityResolver(classes, new Map());
    expect(r.podPreemptionPolicy(info(pod('a', { preemptionPolicy: 'Never' })))).toBe('Never');
    expect(r.podPreemptionPolicy(info(pod('b', { priorityClassName: 'high' })))).toBe('Never');
    expect(r.podPreemptionPolicy(info(pod('c', {})))).toBe('PreemptLowerPriority');
  });

  it("takes a PodGroup's policy from its PriorityClass, else from its first member", () => {
    const r = new PriorityResolver(classes, new Map());
    expect(r.groupPreemptionPolicy(withSpec({ priorityClassName: 'high' }), [info(pod('m'))])).toBe('Never');
    expect(r.groupPreemptionPolicy(withSpec({}), [info(pod('m', { preemptionPolicy: 'Never' }))])).toBe('Never');
    expect(r.groupPreemptionPolicy(withSpec({}), [info(pod('m'))])).toBe('PreemptLowerPriority');
  });
});

describe('moreImportantPod', () => {
  const started = (name: string, priority: number, startTime?: string) =>
    info({ ...cpuPod(name, '1', { priority }), status: startTime ? { startTime } : {} });

  it('orders by priority, then earlier start; a pod without a start time counts as started now', () => {
    const pods = [
      started('new', 5),
      started('late', 5, '2026-01-02T00:00:00Z'),
      started('top', 9),
      started('early', 5, '2026-01-01T00:00:00Z'),
    ];
    expect(pods.sort(moreImportantPod).map((p) => p.name)).toEqual(['top', 'early', 'late', 'new']);
  });
});
