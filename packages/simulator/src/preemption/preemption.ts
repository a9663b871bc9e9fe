// One simulation's preemption state: DefaultPreemption as the PostFilter of pod and group cycles,
// workload-aware preemption after an unschedulable group cycle, nominations, and the victims
// chosen (spec scheduler.md §1.4, §1.6, §4). Evicting is the simulation's job; this decides whom.

import type { PodDisruptionBudget, PodGroup, PriorityClass } from '@kubectl-workload/api';
import type { SchedulerCache } from '../cluster.js';
import type { GroupAlgorithmResult, GroupContext, GroupStatus, PostFilter, PostFilterResult } from '../default-algorithm.js';
import { wrapGroupUnschedulable } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { PodAttempt, PodScheduler } from '../schedule-pod.js';
import { preemptPod, type CandidateTie, type PodPreemption, type PreemptionEnv } from '../plugins/default-preemption.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import { budgets, type Budget } from './pdb.js';
import { PriorityResolver } from './priority.js';
import { selectVictimUnits, workloadAwarePreemption, type DryRun, type VictimUnit } from './workload-aware.js';

export interface PreemptionOptions {
  /** The WorkloadAwarePreemption feature gate (default false). */
  readonly workloadAware?: boolean;
  readonly podDisruptionBudgets?: readonly PodDisruptionBudget[];
}

export type PreemptionMechanism = 'DefaultPreemption' | 'WorkloadAwarePreemption';

export interface Victim {
  readonly namespace: string;
  readonly name: string;
  readonly node: string;
  /** The priority preemption judged the victim by (its own in pod-by-pod, its PodGroup's in WAP). */
  readonly priority: number;
  /** The victim's PodGroup name, if any. */
  readonly podGroup: string | undefined;
  /** The DisruptionTarget/PreemptionByScheduler message the victim would get. */
  readonly reason: string;
  /** `namespace/name` of the preemptor: the pod (pod-by-pod) or the PodGroup (workload-aware). */
  readonly preemptor: string;
  /** The preemptor's PodGroup name, if any. */
  readonly preemptorGroup: string | undefined;
  readonly mechanism: PreemptionMechanism;
}

/** What the simulation must do after a cycle: evict these pods; add these notes to the group's result. */
export interface PreemptionOutcome {
  readonly result: GroupAlgorithmResult;
  readonly evict: readonly PodInfo[];
  readonly notes: readonly string[];
}

/** At most this many members with tied preemption candidates are named in a note. */
const MAX_TIE_NOTES = 5;

const WAITING_FOR_PODGROUP_PREEMPTION: GroupStatus = {
  code: 'Unschedulable',
  message: wrapGroupUnschedulable(PREEMPTION_MESSAGE.waitingForPodGroupPreemption),
  waitingOnPreemption: true,
};

export class Preemption {
  readonly priorities: PriorityResolver;
  private readonly nominations = new Map<string, { readonly pod: PodInfo; readonly node: number }>();
  private readonly chosen: Victim[] = [];
  private readonly ties = new Map<string, CandidateTie>();
  private readonly env: Omit<PreemptionEnv, 'scheduler'>;

  constructor(
    private readonly cluster: SchedulerCache,
    /** The scheduler of the pod's profile: its dry runs use that profile's filters. */
    private readonly schedulerFor: (pod: PodInfo) => PodScheduler,
    priorityClasses: readonly PriorityClass[],
    private readonly groups: ReadonlyMap<string, PodGroup>,
    pending: readonly PodInfo[],
    private readonly options: PreemptionOptions,
  ) {
    this.priorities = new PriorityResolver(priorityClasses, groups);
    for (const pod of pending) {
      const node = cluster.nodeIndex.get(pod.pod.status?.nominatedNodeName ?? '');
      if (node !== undefined) this.nominations.set(pod.key, { pod, node });
    }
    this.env = { priorities: this.priorities, budgets: () => this.budgets(), nominatedNode: this.nominatedNode };
  }

  get workloadAware(): boolean {
    return this.options.workloadAware === true;
  }

  get victims(): readonly Victim[] {
    return this.chosen;
  }

  readonly nominatedNode = (pod: PodInfo): number | undefined => this.nominations.get(pod.key)?.node;

  nominatedNodeName(pod: PodInfo): string | undefined {
    const node = this.nominatedNode(pod);
    return node === undefined ? undefined : this.cluster.nodes[node]?.name;
  }

  /**
   * RunFilterPluginsWithNominatedPods: while `cycle` runs, pods nominated elsewhere with priority at
   * least `priority` (other than `own`) occupy their nominated nodes, so lower-priority pods cannot
   * take the room preemption made.
   */
  withNominatedPods<T>(priority: number, own: ReadonlySet<string>, cycle: () => T): T {
    const held = [...this.nominations.values()].filter(
      (n) => n.pod.priority >= priority && !own.has(n.pod.key) && !this.cluster.placement.has(n.pod.key),
    );
    for (const n of held) this.cluster.add(n.pod, n.node, this.cluster.requestVector(n.pod));
    try {
      return cycle();
    } finally {
      for (const n of held.reverse()) this.cluster.remove(n.pod, n.node, this.cluster.requestVector(n.pod));
    }
  }

  /** DefaultPreemption as a group member's PostFilter: a dry run, nothing is evicted yet. */
  readonly postFilter: PostFilter = (pod, attempt, nodes): PostFilterResult => {
    const p = preemptPod({ ...this.env, scheduler: this.schedulerFor(pod) }, pod, attempt, nodes);
    if (p.tie) this.ties.set(pod.key, p.tie);
    else this.ties.delete(pod.key);
    return { node: p.node, message: p.message, victims: p.victims };
  };

  /** A single pod's PostFilter: on success the pod is nominated and its victims are returned for eviction. */
  preemptForPod(pod: PodInfo, attempt: PodAttempt): PodPreemption {
    const scheduler = this.schedulerFor(pod);
    const p = preemptPod({ ...this.env, scheduler }, pod, attempt, scheduler.allNodes);
    this.nominations.delete(pod.key);
    if (p.node === undefined) return p;
    this.clearLowerNominations(p.node, pod.priority);
    this.nominations.set(pod.key, { pod, node: p.node });
    this.record(
      p.victims,
      pod,
      pod.key,
      'DefaultPreemption',
      p.victims.map((v) => v.priority),
    );
    return p;
  }

  /** prepareCandidate: pods nominated to the node with lower priority lose their nomination. */
  private clearLowerNominations(node: number, priority: number): void {
    for (const [key, n] of this.nominations) if (n.node === node && n.pod.priority < priority) this.nominations.delete(key);
  }

  /** The pod bound: its nomination is spent. */
  bound(pod: PodInfo): void {
    this.nominations.delete(pod.key);
  }

  /**
   * After a group cycle: workload-aware preemption when the gate is on and the cycle ended plainly
   * unschedulable; nominations for a group waiting on preemption, cleared otherwise (§1.6).
   */
  afterGroupCycle(ctx: GroupContext, group: PodGroup, members: readonly PodInfo[], result: GroupAlgorithmResult): PreemptionOutcome {
    let outcome: PreemptionOutcome = { result, evict: [], notes: [] };
    if (result.status.waitingOnPreemption) outcome = this.podByPod(result);
    else if (result.status.code === 'Unschedulable' && this.workloadAware) outcome = this.workloadAwareFor(ctx, group, members, result);
    for (const pod of members) this.nominations.delete(pod.key);
    if (outcome.result.status.waitingOnPreemption)
      for (const m of outcome.result.members) if (m.node !== undefined) this.nominations.set(m.pod.key, { pod: m.pod, node: m.node });
    return outcome;
  }

  private podByPod(result: GroupAlgorithmResult): PreemptionOutcome {
    const evict: PodInfo[] = [];
    const chosen: { preemptor: PodInfo; victim: PodInfo }[] = [];
    const tied: string[] = [];
    for (const m of result.members) {
      if (!m.victims) continue;
      if (m.node !== undefined) this.clearLowerNominations(m.node, m.pod.priority);
      evict.push(...m.victims);
      this.record(
        m.victims,
        m.pod,
        m.pod.key,
        'DefaultPreemption',
        m.victims.map((v) => v.priority),
      );
      for (const victim of m.victims) chosen.push({ preemptor: m.pod, victim });
      const tie = this.ties.get(m.pod.key);
      if (tie) tied.push(`${m.pod.name} (${tie.count} nodes: ${tie.nodes.join(', ')}${tie.count > tie.nodes.length ? ', ...' : ''})`);
    }
    const notes = this.limitationNotes(chosen);
    if (tied.length > 0) {
      const shown =
        tied.slice(0, MAX_TIE_NOTES).join('; ') + (tied.length > MAX_TIE_NOTES ? `; and ${tied.length - MAX_TIE_NOTES} more` : '');
      notes.push(
        `preemption candidates tied after every upstream criterion for ${shown}; the first node by name was nominated, kube-scheduler takes the first in map order`,
      );
    }
    return { result, evict, notes };
  }

  private workloadAwareFor(
    ctx: GroupContext,
    group: PodGroup,
    members: readonly PodInfo[],
    result: GroupAlgorithmResult,
  ): PreemptionOutcome {
    const wap = workloadAwarePreemption(ctx, group, members, this.priorities, () => this.budgets(), this.nominatedNode);
    if (!wap.ok) {
      // Upstream appends the preemption status to the group status (AppendReason).
      return {
        result: { ...result, status: { ...result.status, message: `${result.status.message}, ${wap.message}` } },
        evict: [],
        notes: [],
      };
    }
    const nominated = result.members.map((m) => {
      const node = wap.nominations.get(m.pod.key);
      return node === undefined ? m : { ...m, code: 'RequiresPreemption' as const, node };
    });
    const pods = wap.victims.flatMap((u) => u.pods);
    this.record(
      pods,
      members[0] as PodInfo,
      ctx.groupKey,
      'WorkloadAwarePreemption',
      wap.victims.flatMap((u) => u.pods.map(() => u.priority)),
    );
    return { result: { ...result, status: WAITING_FOR_PODGROUP_PREEMPTION, members: nominated }, evict: pods, notes: [] };
  }

  /**
   * 1.37: workload-aware preemption at the root of a hierarchy (scheduler-1.37.md §5), over victim
   * units the 1.37 cycle built; records the victims and returns the pods to evict.
   */
  preemptRoot(
    preemptor: string,
    first: PodInfo,
    potential: VictimUnit[],
    run: () => DryRun,
  ): { readonly ok: true; readonly evict: readonly PodInfo[] } | { readonly ok: false; readonly message: string } {
    if (potential.length === 0) return { ok: false, message: PREEMPTION_MESSAGE.noVictimsForPreemptor };
    const chosen = selectVictimUnits(this.cluster, potential, () => this.budgets(), run);
    if (!chosen.ok) return chosen;
    const pods = chosen.victims.flatMap((u) => u.pods);
    this.record(
      pods,
      first,
      preemptor,
      'WorkloadAwarePreemption',
      chosen.victims.flatMap((u) => u.pods.map(() => u.priority)),
    );
    return { ok: true, evict: pods };
  }

  /** 1.36: pod-by-pod preemption ignores a victim PodGroup's priority and disruptionMode (fixed in 1.37). */
  private limitationNotes(chosen: readonly { preemptor: PodInfo; victim: PodInfo }[]): string[] {
    const notes: string[] = [];
    const byGroup = new Map<string, { preemptor: PodInfo; victim: PodInfo }[]>();
    for (const c of chosen)
      if (c.victim.groupKey && this.groups.has(c.victim.groupKey))
        byGroup.set(c.victim.groupKey, [...(byGroup.get(c.victim.groupKey) ?? []), c]);
    for (const [key, entries] of byGroup) {
      const group = this.groups.get(key) as PodGroup;
      const pods = entries.map((e) => e.victim);
      const groupPriority = this.priorities.podGroupPriority(group);
      const outranked = entries.filter((e) => groupPriority >= e.preemptor.priority);
      if (outranked.length > 0) {
        const by = [...new Set(outranked.map((e) => `${e.preemptor.name} (${e.preemptor.priority})`))].join(', ');
        notes.push(
          `1.36 limitation: pod-by-pod preemption evicts ${outranked.map((e) => e.victim.name).join(', ')} of PodGroup ${key} although the group's priority ${groupPriority} is not below its preemptor's: ${by} (victims are judged by their own pod priority; fixed in 1.37)`,
        );
      }
      const bound = this.cluster.scheduledMembers(key).length;
      if (group.spec?.disruptionMode === 'PodGroup' && pods.length < bound) {
        notes.push(
          `1.36 limitation: pod-by-pod preemption evicts ${pods.length} of ${bound} pods of PodGroup ${key} although its disruptionMode is PodGroup (all or nothing is honoured only by workload-aware preemption; fixed in 1.37)`,
        );
      }
    }
    return notes;
  }

  /** `by` is the preempting pod (for WAP: the group's first member); `preemptor` the pod or group key. */
  private record(
    pods: readonly PodInfo[],
    by: PodInfo,
    preemptor: string,
    mechanism: PreemptionMechanism,
    priorities: readonly number[],
  ): void {
    const what = mechanism === 'WorkloadAwarePreemption' ? 'podgroup' : 'pod';
    pods.forEach((pod, i) => {
      this.chosen.push({
        namespace: pod.namespace,
        name: pod.name,
        node: this.cluster.nodes[this.cluster.placement.get(pod.key) ?? -1]?.name ?? '',
        priority: priorities[i] ?? pod.priority,
        podGroup: pod.groupName,
        reason: PREEMPTION_MESSAGE.disruptionTarget(by.schedulerName, what),
        preemptor,
        preemptorGroup: by.groupName,
        mechanism,
      });
    });
  }

  private budgets(): readonly Budget[] {
    const pdbs = this.options.podDisruptionBudgets ?? [];
    return pdbs.length === 0 ? [] : budgets(pdbs, this.cluster.podsOnNode.flat());
  }
}
