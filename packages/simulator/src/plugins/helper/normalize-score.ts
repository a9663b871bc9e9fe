// helper.DefaultNormalizeScore: scale raw scores to 0..MaxNodeScore by the maximum, optionally reversed.

export const MAX_NODE_SCORE = 100;

/** One node's normalised score, given the maximum raw score over the feasible nodes. */
export function defaultNormalizeScore(raw: number, max: number, reverse: boolean): number {
  if (max === 0) return reverse ? MAX_NODE_SCORE : 0;
  const score = Math.trunc((MAX_NODE_SCORE * raw) / max);
  return reverse ? MAX_NODE_SCORE - score : score;
}
