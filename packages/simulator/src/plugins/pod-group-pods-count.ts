// PodGroupPodsCount PlacementScore (spec §3 step 5): the group's scheduled pods plus the proposed
// assignments, normalised to the best placement; an error when no placement got any pod.

import { MAX_NODE_SCORE } from './helper/normalize-score.js';

export const NAME = 'PodGroupPodsCount';

export const NO_PODS_ASSIGNED = 'no pods from pod group are assigned to any of the candidate placements';

export function score(alreadyScheduled: number, proposed: number): number {
  return alreadyScheduled + proposed;
}

/** NormalizePlacementScore over every feasible placement's raw score; the error text when the best is 0. */
export function normalizePlacementScores(raw: readonly number[]): number[] | { readonly error: string } {
  const max = Math.max(0, ...raw);
  if (max === 0) return { error: NO_PODS_ASSIGNED };
  return raw.map((r) => Math.trunc((r * MAX_NODE_SCORE) / max));
}
