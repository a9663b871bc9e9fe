// The PodGroup scheduling algorithm for one cycle (spec §1.4, §3): the default algorithm over all
// nodes, or once per placement when a topology key is set. Every assume is reverted before
// returning; submitting the result is the caller's job.

import { runDefaultAlgorithm, type GroupAlgorithmResult, type GroupContext } from './default-algorithm.js';
import { evaluatePlacements } from './placements.js';
import type { PodInfo } from './pod-info.js';

/** The whole algorithm for one cycle: the default pass, or placements when a topology key is set. */
export function runGroupAlgorithm(ctx: GroupContext, members: readonly PodInfo[]): GroupAlgorithmResult {
  if (ctx.policy.topologyKey === undefined) {
    const run = runDefaultAlgorithm(ctx, members, ctx.scheduler.allNodes);
    run.revert();
    return { status: run.status, members: run.members, placements: undefined };
  }
  return evaluatePlacements(ctx, members, ctx.policy.topologyKey);
}
