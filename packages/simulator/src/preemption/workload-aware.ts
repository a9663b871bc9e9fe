// Workload-aware preemption (PodGroupEvaluator, spec scheduler.md §4): for an unschedulable PodGroup
// without a topology constraint, the whole cluster is one domain. Victim units are single pods, or
// whole PodGroups with disruptionMode PodGroup; a pod in a PodGroup counts with the group's priority.
// Units strictly below the preemptor's priority are removed, the group algorithm (without
// PostFilters) must then succeed; units are reprieved most important first (PDB-violating ones
// first) while the group still fits with no fewer members placed. A dry run: nothing stays removed.

import type { PodGroup } from '@kubectl-workload/api';
import type { SchedulerCache } from '../cluster.js';
import type { GroupAlgorithmResult, GroupContext } from '../default-algorithm.js';
import { runGroupAlgorithm } from '../group-algorithm.js';
import type { PodInfo } from '../pod-info.js';
import { terminatingByPreemption } from '../plugins/default-preemption.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import { splitByViolation, type Budget } from './pdb.js';
import { startTime, type PriorityResolver } from './priority.js';

export interface VictimUnit {
  readonly pods: readonly PodInfo[];
  /** disruptionMode PodGroup: preempted all or nothing. */
  readonly group: string | undefined;
  readonly priority: number;
}

export type WorkloadPreemption =
  | { readonly ok: true; readonly victims: readonly VictimUnit[]; readonly nominations: ReadonlyMap<string, number> }
  | { readonly ok: false; readonly message: string };

function earliestStart(unit: VictimUnit): number {
  return Math.min(...unit.pods.map(startTime));
}

/** moreImportantVictim: priority, then PodGroup before pod, then (pods) earlier start, (groups) larger then earlier. */
export function moreImportantVictim(a: VictimUnit, b: VictimUnit): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if ((a.group !== undefined) !== (b.group !== undefined)) return a.group !== undefined ? -1 : 1;
  if (a.group !== undefined && a.pods.length !== b.pods.length) return b.pods.length - a.pods.length;
  const ta = earliestStart(a);
  const tb = earliestStart(b);
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/** domain.GetAllPossibleVictims over every pod on every node, except pending pods held on their nominated node. */
function victimUnits(ctx: GroupContext, priorities: PriorityResolver, pending: (pod: PodInfo) => boolean): VictimUnit[] {
  const singles: VictimUnit[] = [];
  const groups = new Map<string, PodInfo[]>();
  for (const pods of ctx.cluster.podsOnNode) {
    for (const pod of pods) {
      if (pending(pod)) continue;
      const group = priorities.groupOf(pod);
      if (group?.spec?.disruptionMode === 'PodGroup' && pod.groupKey) {
        const list = groups.get(pod.groupKey) ?? [];
        list.push(pod);
        groups.set(pod.groupKey, list);
      } else singles.push({ pods: [pod], group: undefined, priority: priorities.workloadPriority(pod) });
    }
  }
  const whole = [...groups].map(([key, pods]) => ({ pods, group: key, priority: priorities.workloadPriority(pods[0] as PodInfo) }));
  return [...whole, ...singles];
}

function placedCount(result: GroupAlgorithmResult): number {
  return result.members.filter((m) => m.node !== undefined).length;
}

/** preemptorEligibleToPreemptOthers: a lower-priority pod still terminating by preemption on a member's nominated node blocks. */
function blockedByTerminating(
  ctx: GroupContext,
  members: readonly PodInfo[],
  priorities: PriorityResolver,
  preemptorPriority: number,
  nominatedNode: (pod: PodInfo) => number | undefined,
): boolean {
  const nodes = new Set(members.map(nominatedNode).filter((n): n is number => n !== undefined));
  return [...nodes].some((node) =>
    (ctx.cluster.podsOnNode[node] ?? []).some((p) => priorities.workloadPriority(p) < preemptorPriority && terminatingByPreemption(p)),
  );
}

/** A dry run of the preemptor's algorithm with some victims removed. */
export interface DryRun {
  readonly success: boolean;
  /** Pods the run placed: a reprieve must not lower it. */
  readonly placed: number;
  readonly message: string;
}

/**
 * The victim search of workload-aware preemption: every potential unit removed, the preemptor's
 * algorithm must then succeed; units are reprieved most important first (PDB-violating ones first)
 * while it still succeeds with no fewer pods placed. The cluster is left as found; `final` is the
 * run with only the victims removed.
 */
export function selectVictimUnits<T extends DryRun>(
  cluster: SchedulerCache,
  potential: VictimUnit[],
  /** Called with the potential victims removed, as upstream counts disruptions. */
  budgets: () => readonly Budget[],
  run: () => T,
): { readonly ok: true; readonly victims: VictimUnit[]; readonly final: T } | { readonly ok: false; readonly message: string } {
  const where = new Map<string, number>();
  for (const u of potential) for (const p of u.pods) where.set(p.key, cluster.placement.get(p.key) as number);
  const remove = (u: VictimUnit): void => {
    for (const p of u.pods) cluster.remove(p, where.get(p.key) as number, cluster.requestVector(p));
  };
  const add = (u: VictimUnit): void => {
    for (const p of u.pods) cluster.add(p, where.get(p.key) as number, cluster.requestVector(p));
  };
  potential.forEach(remove);
  const all = run();
  if (!all.success) {
    potential.forEach(add);
    return { ok: false, message: all.message };
  }
  let maxPlaced = all.placed;
  potential.sort(moreImportantVictim);
  const { violating, nonViolating } = splitByViolation(potential, (u) => u.pods, budgets());
  const victims: VictimUnit[] = [];
  const reprieve = (u: VictimUnit): void => {
    add(u);
    const result = run();
    maxPlaced = Math.max(maxPlaced, result.placed);
    if (result.success && result.placed >= maxPlaced) return;
    remove(u);
    victims.push(u);
  };
  violating.forEach(reprieve);
  nonViolating.forEach(reprieve);
  const final = run();
  victims.forEach(add);
  victims.sort(moreImportantVictim);
  return { ok: true, victims, final };
}

export function workloadAwarePreemption(
  ctx: GroupContext,
  group: PodGroup,
  members: readonly PodInfo[],
  priorities: PriorityResolver,
  pdbs: () => readonly Budget[],
  nominatedNode: (pod: PodInfo) => number | undefined = () => undefined,
): WorkloadPreemption {
  if (ctx.policy.topologyKey !== undefined) return { ok: false, message: PREEMPTION_MESSAGE.constraintsUnsupported };
  if (priorities.groupPreemptionPolicy(group, members) === 'Never') return { ok: false, message: PREEMPTION_MESSAGE.policyNever };
  if (blockedByTerminating(ctx, members, priorities, priorities.podGroupPriority(group), nominatedNode))
    return { ok: false, message: PREEMPTION_MESSAGE.terminatingOnNominated };
  // The group algorithm runs without PostFilters inside workload-aware preemption.
  const plain: GroupContext = { ...ctx, options: { ...ctx.options, postFilter: undefined } };
  const preemptorPriority = priorities.podGroupPriority(group);
  const potential = victimUnits(ctx, priorities, (p) => nominatedNode(p) !== undefined).filter((u) => u.priority < preemptorPriority);
  if (potential.length === 0) return { ok: false, message: PREEMPTION_MESSAGE.noVictimsForPreemptor };
  const run = (): GroupAlgorithmResult => runGroupAlgorithm(plain, members);
  const chosen = selectVictimUnits(ctx.cluster, potential, pdbs, () => {
    const result = run();
    return { success: result.status.code === 'Success', placed: placedCount(result), message: result.status.message, result };
  });
  if (!chosen.ok) return chosen;
  const nominations = new Map<string, number>();
  for (const m of chosen.final.result.members) if (m.node !== undefined) nominations.set(m.pod.key, m.node);
  const { victims } = chosen;
  return { ok: true, victims, nominations };
}
