// Topology-aware scheduling in 1.36 (spec §3): placements from TopologyPlacement, the default
// algorithm per placement, then selection: one feasible placement is taken as is, several are
// scored with the PlacementScore plugins NodeResourcesFit and PodGroupPodsCount, weight 1 each.
// Placements are evaluated in name order; score ties go to the first name (upstream: at random).

import {
  runDefaultAlgorithm,
  type GroupAlgorithmResult,
  type GroupContext,
  type GroupStatus,
  type MemberResult,
} from './default-algorithm.js';
import { GROUP_MESSAGE, wrapGroupUnschedulable } from './messages.js';
import * as nodeResourcesFit from './plugins/node-resources-fit.js';
import * as podGroupPodsCount from './plugins/pod-group-pods-count.js';
import { generatePlacements, PlacementError, type Placement } from './plugins/topology-placement.js';
import type { PodInfo } from './pod-info.js';

export interface PlacementScore {
  readonly NodeResourcesFit: number;
  readonly PodGroupPodsCount: number;
  readonly total: number;
}

/** What the default algorithm did in one placement: explain's per-domain table reads it. */
export interface PlacementDomain {
  readonly name: string;
  /** Members the evaluation placed there (Permit Success or Wait). */
  readonly placed: number;
  /** The FitError of the first member that fit no node of the placement. */
  readonly blocking: string | undefined;
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
  /** Every evaluated placement, in evaluation order. */
  readonly domains: readonly PlacementDomain[];
}

interface Evaluation {
  readonly placement: Placement;
  readonly status: GroupStatus;
  readonly members: MemberResult[];
  readonly resourceScore: number;
  readonly podsCount: number;
}

function errorResult(message: string, members: readonly PodInfo[], report: PlacementReport | undefined): GroupAlgorithmResult {
  return {
    status: { code: 'Error', message, waitingOnPreemption: false },
    members: members.map((pod) => ({ pod, code: 'Unschedulable', node: undefined, attempt: undefined, message })),
    placements: report,
  };
}

/** A feasible placement's raw PlacementScore inputs. */
export interface FeasiblePlacement {
  readonly name: string;
  readonly resourceScore: number;
  readonly podsCount: number;
}

export type PlacementSelection =
  | { readonly chosen: number; readonly scores: Readonly<Record<string, PlacementScore>>; readonly tie: string[] | undefined }
  | { readonly error: string };

/**
 * Selection among feasible placements (spec §3 steps 5-6): one is taken as is; several are scored with
 * NodeResourcesFit and the normalised PodGroupPodsCount, weight 1 each; ties go to the first.
 */
export function selectPlacement(feasible: readonly FeasiblePlacement[]): PlacementSelection {
  const scores: Record<string, PlacementScore> = {};
  if (feasible.length <= 1) return { chosen: 0, scores, tie: undefined };
  const counts = podGroupPodsCount.normalizePlacementScores(feasible.map((e) => e.podsCount));
  if ('error' in counts)
    return { error: `running PlacementScore plugins: plugin ${JSON.stringify(podGroupPodsCount.NAME)} failed with: ${counts.error}` };
  let best = -Infinity;
  let chosen = 0;
  let top: string[] = [];
  for (const [i, e] of feasible.entries()) {
    const count = counts[i] as number;
    const total = e.resourceScore + count;
    scores[e.name] = { [nodeResourcesFit.NAME]: e.resourceScore, [podGroupPodsCount.NAME]: count, total };
    if (total > best) {
      best = total;
      chosen = i;
      top = [e.name];
    } else if (total === best) top.push(e.name);
  }
  return { chosen, scores, tie: top.length > 1 ? top : undefined };
}

export function evaluatePlacements(ctx: GroupContext, members: readonly PodInfo[], key: string): GroupAlgorithmResult {
  let placements: readonly Placement[];
  try {
    placements = generatePlacements(ctx.cluster, ctx.groupKey, key);
  } catch (err) {
    if (err instanceof PlacementError) return errorResult(err.message, members, undefined);
    throw err;
  }
  const generated = placements.map((p) => p.name);
  const domains: PlacementDomain[] = [];
  const unschedulable = (message: string, feasible: string[] = []): GroupAlgorithmResult => ({
    status: { code: 'Unschedulable', message, waitingOnPreemption: false },
    members: members.map((pod) => ({
      pod,
      code: 'Unschedulable',
      node: undefined,
      attempt: undefined,
      message: wrapGroupUnschedulable(message),
    })),
    placements: { key, generated, feasible, chosen: undefined, scores: {}, tie: undefined, domains },
  });
  if (placements.length === 0) return unschedulable(GROUP_MESSAGE.noPlacements);
  const alreadyScheduled = ctx.cluster.scheduledMembers(ctx.groupKey).length;
  const evaluations: Evaluation[] = [];
  for (const placement of placements) {
    const run = runDefaultAlgorithm(ctx, members, placement.nodes);
    // Score while the proposed assignments are still assumed.
    const proposed = run.members.filter((m) => m.code === 'Success' || m.code === 'Wait').length;
    evaluations.push({
      placement,
      status: run.status,
      members: run.members,
      resourceScore: nodeResourcesFit.scorePlacement(ctx.cluster, placement.nodes, ctx.scheduler.profile.fitStrategy.resources),
      podsCount: podGroupPodsCount.score(alreadyScheduled, proposed),
    });
    domains.push({ name: placement.name, placed: proposed, blocking: run.members.find((m) => m.code === 'Unschedulable')?.message });
    run.revert();
  }
  const feasible = evaluations.filter((e) => e.status.code === 'Success');
  const feasibleNames = feasible.map((e) => e.placement.name);
  if (feasible.length === 0) {
    const first = evaluations[0] as Evaluation;
    return unschedulable(GROUP_MESSAGE.noFeasiblePlacement(evaluations.length, first.status.message), feasibleNames);
  }
  const selection = selectPlacement(
    feasible.map((e) => ({ name: e.placement.name, resourceScore: e.resourceScore, podsCount: e.podsCount })),
  );
  if ('error' in selection) return errorResult(selection.error, members, undefined);
  const chosen = feasible[selection.chosen] as Evaluation;
  const { scores, tie } = selection;
  return {
    status: chosen.status,
    members: chosen.members,
    placements: { key, generated, feasible: feasibleNames, chosen: chosen.placement.name, scores, tie, domains },
  };
}
