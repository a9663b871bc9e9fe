// The 1.37 recursive group algorithm (scheduler-1.37.md §3.3-3.5, §6; KEP-6012, SO-PG): a leaf
// PodGroup runs its pods one by one with PlacementFeasible after each; a CompositePodGroup runs its
// children in their fixed order with PlacementFeasible over child groups after each. Greedy, no
// backtracking between siblings. A topology key at any level evaluates every domain of that key
// (inside the parent's domain), scores the feasible ones and keeps the best. Failure propagates
// down: children of a failed parent take its status. Assumptions are all reverted before returning.

import type { SchedulerCache } from '../cluster.js';
import { GROUP_MESSAGE } from '../messages.js';
import { selectPlacement, type PlacementDomain, type PlacementReport } from '../placements.js';
import * as nodeResourcesFit from '../plugins/node-resources-fit.js';
import * as podGroupPodsCount from '../plugins/pod-group-pods-count.js';
import { PlacementError, placementsPinnedBy, type Placement } from '../plugins/topology-placement.js';
import type { PodInfo } from '../pod-info.js';
import type { PodAttempt, PodScheduler, ScheduleOptions } from '../schedule-pod.js';
import { placementFeasible, type Feasibility } from './gang-scheduling.js';
import { leavesOf, type CompositeNode, type GroupNode, type LeafNode } from './hierarchy.js';

export type OutcomeCode = 'Success' | 'Unschedulable' | 'Error';

export interface PodOutcome {
  readonly pod: PodInfo;
  /** The node the pod was assumed on in this cycle (kept only when its leaf succeeds). */
  readonly node: number | undefined;
  readonly attempt: PodAttempt | undefined;
  /** The FitError for a pod that fit no node; empty for a placed or untried pod (the group status applies). */
  readonly fitError: string;
  /** A placed pod: PlacementFeasible's Wait text right after it, if the gang was still short then. */
  readonly waiting: string;
}

export interface GroupOutcome {
  readonly node: GroupNode;
  code: OutcomeCode;
  message: string;
  /** false: the algorithm stopped before this group (it takes its parent's status). */
  reached: boolean;
  /** The group's own status when a failed ancestor overrode it, and that ancestor's name. */
  own?: { readonly code: OutcomeCode; readonly message: string; readonly overriddenBy: string };
  /** Leaf: its pending pods, in queue order. */
  readonly pods: PodOutcome[];
  /** Composite: one outcome per child, in evaluation order. */
  readonly children: GroupOutcome[];
  /** Pods (leaf) or child groups (composite) that succeeded, counting earlier cycles. */
  scheduled: number;
  placements: PlacementReport | undefined;
}

export interface RootContext {
  readonly cluster: SchedulerCache;
  readonly scheduler: PodScheduler;
  readonly options: ScheduleOptions & { readonly onUnschedulable?: (attempt: PodAttempt) => void };
  /** A leaf's pending pods for this cycle, in queue order. */
  readonly pending: (leaf: LeafNode) => readonly PodInfo[];
}

interface Assumed {
  readonly pod: PodInfo;
  readonly node: number;
  readonly vector: Float64Array;
}

/** One cycle's state: the assumptions in the order made, so a subtree reverts by truncating. */
class Cycle {
  readonly assumed: Assumed[] = [];
  /** Request vectors, computed once per pod: a topology key evaluates every pod once per domain. */
  private readonly vectors = new Map<PodInfo, Float64Array>();
  constructor(readonly ctx: RootContext) {}

  vector(pod: PodInfo): Float64Array {
    let v = this.vectors.get(pod);
    if (!v) {
      v = this.ctx.cluster.requestVector(pod);
      this.vectors.set(pod, v);
    }
    return v;
  }

  assume(pod: PodInfo, node: number, vector: Float64Array): void {
    this.ctx.cluster.add(pod, node, vector);
    this.assumed.push({ pod, node, vector });
  }

  revertTo(mark: number): void {
    while (this.assumed.length > mark) {
      const a = this.assumed.pop() as Assumed;
      this.ctx.cluster.remove(a.pod, a.node, a.vector);
    }
  }
}

function outcome(node: GroupNode, status: Feasibility | { code: OutcomeCode; message: string }, reached = true): GroupOutcome {
  return {
    node,
    code: status.code === 'Wait' ? 'Unschedulable' : status.code,
    message: status.message,
    reached,
    pods: [],
    children: [],
    scheduled: 0,
    placements: undefined,
  };
}

function placeLeaf(cycle: Cycle, leaf: LeafNode, nodes: Int32Array): GroupOutcome {
  const { cluster, scheduler, options } = cycle.ctx;
  const pods = cycle.ctx.pending(leaf);
  const mark = cycle.assumed.length;
  const results: PodOutcome[] = [];
  let status = placementFeasible(leaf.minCount, cluster.scheduledMembers(leaf.key).length, pods.length);
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as PodInfo;
    const vector = cycle.vector(pod);
    const attempt = scheduler.schedule(pod, vector, nodes, options);
    if (attempt.node !== undefined) cycle.assume(pod, attempt.node, vector);
    else options.onUnschedulable?.(attempt);
    status = placementFeasible(leaf.minCount, cluster.scheduledMembers(leaf.key).length, pods.length - i - 1);
    const waiting = attempt.node !== undefined && status.code === 'Wait' ? status.message : '';
    results.push({ pod, node: attempt.node, attempt, fitError: attempt.fitError?.message ?? '', waiting });
    if (status.code === 'Unschedulable') {
      for (const rest of pods.slice(i + 1)) results.push({ pod: rest, node: undefined, attempt: undefined, fitError: '', waiting: '' });
      break;
    }
  }
  const result = outcome(leaf, status);
  result.pods.push(...results);
  result.scheduled = cluster.scheduledMembers(leaf.key).length;
  if (result.code !== 'Success') cycle.revertTo(mark);
  return result;
}

function placeComposite(cycle: Cycle, cpg: CompositeNode, nodes: Int32Array): GroupOutcome {
  const mark = cycle.assumed.length;
  const children: GroupOutcome[] = [];
  let succeeded = 0;
  let status: Feasibility | { code: 'Error'; message: string } = placementFeasible(cpg.minCount, 0, cpg.children.length);
  for (const [i, child] of cpg.children.entries()) {
    const result = place(cycle, child, nodes);
    children.push(result);
    if (result.code === 'Error') {
      status = { code: 'Error', message: result.message };
      break;
    }
    if (result.code === 'Success') succeeded++;
    status = placementFeasible(cpg.minCount, succeeded, cpg.children.length - i - 1);
    if (status.code === 'Unschedulable') break;
  }
  for (const child of cpg.children.slice(children.length)) children.push(outcome(child, status, false));
  const result = outcome(cpg, status);
  result.children.push(...children);
  result.scheduled = succeeded;
  if (result.code !== 'Success') cycle.revertTo(mark);
  return result;
}

function placeBare(cycle: Cycle, node: GroupNode, nodes: Int32Array): GroupOutcome {
  return node.kind === 'PodGroup' ? placeLeaf(cycle, node, nodes) : placeComposite(cycle, node, nodes);
}

/** The parent's domain restricts a child's placements to the nodes they share. */
function within(domain: Placement, nodes: Int32Array, all: number): Placement {
  if (nodes.length === all) return domain;
  const allowed = new Set(nodes);
  return { name: domain.name, nodes: domain.nodes.filter((n) => allowed.has(n)) };
}

function podsPlaced(result: GroupOutcome): number {
  return result.node.kind === 'PodGroup'
    ? result.pods.filter((p) => p.node !== undefined).length
    : result.children.reduce((sum, c) => sum + podsPlaced(c), 0);
}

/** §6: every domain of the key (pinned to the one the subtree's scheduled pods use), the best feasible one kept. */
function placeInDomains(cycle: Cycle, node: GroupNode, key: string, nodes: Int32Array): GroupOutcome {
  const { cluster, scheduler } = cycle.ctx;
  const scheduledPods = leavesOf(node).flatMap((leaf) => cluster.scheduledMembers(leaf.key));
  let domains: Placement[];
  try {
    domains = placementsPinnedBy(cluster, scheduledPods, key)
      .map((d) => within(d, nodes, scheduler.allNodes.length))
      .filter((d) => d.nodes.length > 0);
  } catch (err) {
    if (err instanceof PlacementError) return outcome(node, { code: 'Error', message: err.message });
    throw err;
  }
  const evaluated: PlacementDomain[] = [];
  const report = (feasible: string[], chosen?: string, rest: Partial<PlacementReport> = {}): PlacementReport => ({
    key,
    generated: domains.map((d) => d.name),
    feasible,
    chosen,
    scores: {},
    tie: undefined,
    domains: evaluated,
    ...rest,
  });
  if (domains.length === 0) {
    const none = outcome(node, { code: 'Unschedulable', message: GROUP_MESSAGE.noPlacements });
    none.placements = report([]);
    return none;
  }
  const mark = cycle.assumed.length;
  const feasible: { domain: Placement; resourceScore: number; podsCount: number }[] = [];
  let first: GroupOutcome | undefined;
  for (const domain of domains) {
    const result = placeBare(cycle, node, domain.nodes);
    first ??= result;
    const placed = podsPlaced(result);
    evaluated.push({ name: domain.name, placed, blocking: firstFitError(result) });
    if (result.code === 'Success')
      feasible.push({
        domain,
        resourceScore: nodeResourcesFit.scorePlacement(cluster, domain.nodes, scheduler.profile.fitStrategy.resources),
        podsCount: podGroupPodsCount.score(scheduledPods.length, placed),
      });
    cycle.revertTo(mark);
  }
  const feasibleNames = feasible.map((f) => f.domain.name);
  if (feasible.length === 0) {
    const failed = first as GroupOutcome;
    const result = outcome(node, {
      code: 'Unschedulable',
      message: GROUP_MESSAGE.noFeasiblePlacement(domains.length, failed.message),
    });
    result.pods.push(...failed.pods);
    result.children.push(...failed.children);
    result.placements = report([]);
    return result;
  }
  const selection = selectPlacement(feasible.map((f) => ({ name: f.domain.name, resourceScore: f.resourceScore, podsCount: f.podsCount })));
  if ('error' in selection) return outcome(node, { code: 'Error', message: selection.error });
  const best = (feasible[selection.chosen] as (typeof feasible)[number]).domain;
  // Re-run in the chosen domain to hold its assumptions (the evaluation is deterministic).
  const chosen = placeBare(cycle, node, best.nodes);
  chosen.placements = report(feasibleNames, best.name, { scores: selection.scores, tie: selection.tie });
  return chosen;
}

function place(cycle: Cycle, node: GroupNode, nodes: Int32Array): GroupOutcome {
  return node.topologyKey === undefined ? placeBare(cycle, node, nodes) : placeInDomains(cycle, node, node.topologyKey, nodes);
}

/** The first FitError in a subtree: what blocked it. */
export function firstFitError(result: GroupOutcome): string | undefined {
  for (const p of result.pods) if (p.fitError) return p.fitError;
  for (const c of result.children) {
    const found = firstFitError(c);
    if (found) return found;
  }
  return undefined;
}

/**
 * completeCompositePodGroupAlgorithmResultMap: a child not reached takes its parent's status; a
 * failed parent overrides children that succeeded (their pods do not bind); an Error overrides all.
 */
function propagate(result: GroupOutcome, parent?: GroupOutcome): void {
  if (parent && parent.code !== 'Success' && (result.code === 'Success' || !result.reached || parent.code === 'Error')) {
    if (result.reached) result.own = { code: result.code, message: result.message, overriddenBy: parent.node.name };
    result.code = parent.code;
    result.message = parent.message;
  }
  for (const child of result.children) propagate(child, result);
}

/** RunRootSchedulingAlgorithm for a root unit; the cluster is left as it was found. */
export function runRootAlgorithm(ctx: RootContext, root: GroupNode): GroupOutcome {
  const cycle = new Cycle(ctx);
  const result = place(cycle, root, ctx.scheduler.allNodes);
  cycle.revertTo(0);
  propagate(result);
  return result;
}

/** Every outcome of a tree, parents first. */
export function outcomesOf(result: GroupOutcome): GroupOutcome[] {
  return [result, ...result.children.flatMap(outcomesOf)];
}
