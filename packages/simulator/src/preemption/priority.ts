// Priorities and preemption policies as the scheduler sees them (spec scheduler.md §0, §4):
// - a pod's priority is PodInfo.priority (spec.priority, else its PriorityClass, else the globalDefault class, else 0);
// - a PodGroup's priority is spec.priority, else its priorityClassName's value, else the globalDefault class, else 0
//   (the WorkloadAwarePreemption gate fields);
// - importance order between pods: higher priority first, then the earlier start time (MoreImportantPod).

import type { PodGroup, PriorityClass } from '@kubectl-workload/api';
import type { PodInfo } from '../pod-info.js';

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export class PriorityResolver {
  private readonly classes = new Map<string, PriorityClass>();
  private readonly globalDefault: PriorityClass | undefined;

  constructor(
    priorityClasses: readonly PriorityClass[],
    private readonly groups: ReadonlyMap<string, PodGroup>,
  ) {
    for (const pc of priorityClasses) this.classes.set(pc.metadata?.name ?? '', pc);
    this.globalDefault = priorityClasses.find((pc) => pc.globalDefault === true);
  }

  groupOf(pod: PodInfo): PodGroup | undefined {
    return pod.groupKey === undefined ? undefined : this.groups.get(pod.groupKey);
  }

  podGroupPriority(group: PodGroup): number {
    const spec = group.spec ?? {};
    if (spec.priority !== undefined) return spec.priority;
    const named = spec.priorityClassName ? this.classes.get(spec.priorityClassName) : undefined;
    return (named ?? this.globalDefault)?.value ?? 0;
  }

  /** Workload-aware preemption's view of a pod: its PodGroup's priority when it has one (getPodPriority). */
  workloadPriority(pod: PodInfo): number {
    const group = this.groupOf(pod);
    return group ? this.podGroupPriority(group) : pod.priority;
  }

  /** spec.preemptionPolicy, else the one of its PriorityClass (what priority admission copies in). */
  podPreemptionPolicy(pod: PodInfo): PreemptionPolicy {
    const spec = pod.pod.spec ?? {};
    const policy =
      spec.preemptionPolicy ?? (spec.priorityClassName ? this.classes.get(spec.priorityClassName) : this.globalDefault)?.preemptionPolicy;
    return policy === 'Never' ? 'Never' : 'PreemptLowerPriority';
  }

  /**
   * A PodGroup preemptor's policy: its PriorityClass's policy when it names one, else the first member's.
   * UNVERIFIED: which object the 1.36 PodGroupEvaluator reads this from is not in the sources read.
   */
  groupPreemptionPolicy(group: PodGroup, members: readonly PodInfo[]): PreemptionPolicy {
    const name = group.spec?.priorityClassName;
    const named = name ? this.classes.get(name) : undefined;
    if (named) return named.preemptionPolicy === 'Never' ? 'Never' : 'PreemptLowerPriority';
    const first = members[0];
    return first ? this.podPreemptionPolicy(first) : 'PreemptLowerPriority';
  }
}

/** status.startTime in ms; a pod without one counts as started now, i.e. after every dated pod (GetPodStartTime). */
export function startTime(pod: PodInfo): number {
  const t = pod.pod.status?.startTime;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** MoreImportantPod: higher priority first, then the earlier start time. */
export function moreImportantPod(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const ta = startTime(a);
  const tb = startTime(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}
