// Topology-aware scheduling in 1.36 (spec §3): one placement per value of the topology label
// (unlabelled nodes dropped, pinned to the domain of already scheduled members), the default
// algorithm per placement, then selection: one feasible placement is taken as is, several are
// scored with NodeResourcesFit (MostAllocated over the placement) + PodGroupPodsCount, weight 1 each.
// Placements are evaluated in name order; score ties go to the first name (upstream: at random).

import { CPU, MEMORY, type ClusterState } from './cluster.js';
import { runDefaultAlgorithm, type GroupAlgorithmResult, type GroupContext, type GroupStatus, type MemberResult } from './group-algorithm.js';
import { GROUP_MESSAGE, wrapGroupUnschedulable } from './messages.js';
import { mostAllocated } from './plugins/resource-scores.js';
import type { PodInfo } from './pod-info.js';

export interface PlacementScore {
  readonly NodeResourcesFit: number;
  readonly PodGroupPodsCount: number;
  readonly total: number;
}

export interface PlacementReport {
  readonly key: string;
  /** Placement names (label values) in evaluation order. */
  readonly generated: readonly string[];
  readonly feasible: readonly string[];
  readonly chosen: string | undefined;
  /** Only when several placements were feasible. */
  readonly scores: Readonly<Record<string, PlacementScore>>;
  /** Placements sharing the top score, when more than one (upstream breaks this tie at random). */
  readonly tie: readonly string[] | undefined;
}

interface Placement {
  readonly name: string;
  readonly nodes: Int32Array;
}

class PlacementError extends Error {}

/** Nodes never change during a simulation, so each key's domains are computed once per cluster. */
const domainCache = new WeakMap<ClusterState, Map<string, Placement[]>>();

/** One placement per value of `key`, by name; nodes without the label are left out. */
function domainsOf(cluster: ClusterState, key: string): Placement[] {
  let byKey = domainCache.get(cluster);
  if (!byKey) {
    byKey = new Map();
    domainCache.set(cluster, byKey);
  }
  let domains = byKey.get(key);
  if (!domains) {
    const byValue = new Map<string, number[]>();
    for (const node of cluster.nodes) {
      const value = node.labels[key];
      if (value === undefined) continue;
      const list = byValue.get(value) ?? [];
      list.push(node.index);
      byValue.set(value, list);
    }
    domains = [...byValue.keys()].sort().map((name) => ({ name, nodes: Int32Array.from(byValue.get(name) ?? []) }));
    byKey.set(key, domains);
  }
  return domains;
}

function generatePlacements(ctx: GroupContext, key: string): Placement[] {
  const { cluster } = ctx;
  const domains = domainsOf(cluster, key);
  const scheduled = cluster.scheduledMembers(ctx.groupKey);
  if (scheduled.length > 0) {
    const pinned = new Set<string>();
    for (const pod of scheduled) {
      const node = cluster.nodes[cluster.placement.get(pod.key) as number];
      const value = node?.labels[key];
      if (value === undefined) throw new PlacementError(GROUP_MESSAGE.domainUndetermined(`pod ${pod.key} is on node ${node?.name ?? '?'} without label ${JSON.stringify(key)}`));
      pinned.add(value);
    }
    if (pinned.size > 1) throw new PlacementError(GROUP_MESSAGE.domainUndetermined(`pods are in ${pinned.size} domains of ${JSON.stringify(key)}: ${[...pinned].sort().join(', ')}`));
    return domains.filter((d) => pinned.has(d.name));
  }
  return domains;
}

/** MostAllocated over the placement's summed allocatable and (existing + proposed) non-zero requests. */
function resourceScore(ctx: GroupContext, nodes: Int32Array): number {
  const { cluster } = ctx;
  const dims = cluster.dimensions.length;
  let allocCpu = 0;
  let allocMem = 0;
  let reqCpu = 0;
  let reqMem = 0;
  for (const node of nodes) {
    allocCpu += cluster.allocatable[node * dims + CPU] as number;
    allocMem += cluster.allocatable[node * dims + MEMORY] as number;
    reqCpu += cluster.nonZeroMilliCpu[node] as number;
    reqMem += cluster.nonZeroMemory[node] as number;
  }
  return mostAllocated(allocCpu, reqCpu, allocMem, reqMem);
}

interface Evaluation {
  readonly placement: Placement;
  readonly status: GroupStatus;
  readonly members: MemberResult[];
  readonly resourceScore: number;
  readonly podsCount: number;
}

function errorResult(message: string, members: readonly PodInfo[], report: PlacementReport | undefined): GroupAlgorithmResult {
  return { status: { code: 'Error', message, waitingOnPreemption: false }, members: members.map((pod) => ({ pod, code: 'Unschedulable', node: undefined, attempt: undefined, message })), placements: report };
}

export function evaluatePlacements(ctx: GroupContext, members: readonly PodInfo[], key: string): GroupAlgorithmResult {
  let placements: Placement[];
  try {
    placements = generatePlacements(ctx, key);
  } catch (err) {
    if (err instanceof PlacementError) return errorResult(err.message, members, undefined);
    throw err;
  }
  const generated = placements.map((p) => p.name);
  const unschedulable = (message: string, feasible: string[] = []): GroupAlgorithmResult => ({
    status: { code: 'Unschedulable', message, waitingOnPreemption: false },
    members: members.map((pod) => ({ pod, code: 'Unschedulable', node: undefined, attempt: undefined, message: wrapGroupUnschedulable(message) })),
    placements: { key, generated, feasible, chosen: undefined, scores: {}, tie: undefined },
  });
  if (placements.length === 0) return unschedulable(GROUP_MESSAGE.noPlacements);
  const alreadyScheduled = ctx.cluster.scheduledMembers(ctx.groupKey).length;
  const evaluations: Evaluation[] = [];
  for (const placement of placements) {
    const run = runDefaultAlgorithm(ctx, members, placement.nodes);
    // Score while the proposed assignments are still assumed.
    const proposed = run.members.filter((m) => m.code === 'Success' || m.code === 'Wait').length;
    evaluations.push({ placement, status: run.status, members: run.members, resourceScore: resourceScore(ctx, placement.nodes), podsCount: alreadyScheduled + proposed });
    run.revert();
  }
  const feasible = evaluations.filter((e) => e.status.code === 'Success');
  const feasibleNames = feasible.map((e) => e.placement.name);
  if (feasible.length === 0) {
    const first = evaluations[0] as Evaluation;
    return unschedulable(GROUP_MESSAGE.noFeasiblePlacement(evaluations.length, first.status.message), feasibleNames);
  }
  const scores: Record<string, PlacementScore> = {};
  let chosen = feasible[0] as Evaluation;
  let tie: string[] | undefined;
  if (feasible.length > 1) {
    const maxCount = Math.max(...feasible.map((e) => e.podsCount));
    if (maxCount === 0) return errorResult('running PlacementScore plugins: plugin "PodGroupPodsCount" failed with: no pods from pod group are assigned to any of the candidate placements', members, undefined);
    let best = -Infinity;
    let top: string[] = [];
    for (const e of feasible) {
      const count = Math.trunc((e.podsCount * 100) / maxCount);
      const total = e.resourceScore + count;
      scores[e.placement.name] = { NodeResourcesFit: e.resourceScore, PodGroupPodsCount: count, total };
      if (total > best) {
        best = total;
        chosen = e;
        top = [e.placement.name];
      } else if (total === best) top.push(e.placement.name);
    }
    if (top.length > 1) tie = top;
  }
  return {
    status: chosen.status,
    members: chosen.members,
    placements: { key, generated, feasible: feasibleNames, chosen: chosen.placement.name, scores, tie },
  };
}
