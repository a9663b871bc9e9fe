// NodeResourcesBalancedAllocation Score: favours nodes whose use of the configured resources (default
// cpu and memory) stays balanced, over actual requests; skipped for best-effort pods.

import type { SchedulerCache } from '../cluster.js';
import type { PodInfo } from '../pod-info.js';
import { MAX_NODE_SCORE } from './helper/normalize-score.js';
import { fillRequests, type ResourceSpec } from './node-resources-fit.js';

export const NAME = 'NodeResourcesBalancedAllocation';

/**
 * balancedResourceScorer: int64((1 − std) × 100) over the requested fractions (capped at 1) of the
 * resources with allocatable; two resources: std = |f1 − f2| / 2; more: the population std.
 */
export function balance(requested: ArrayLike<number>, allocatable: ArrayLike<number>): number {
  // Two passes instead of a list of fractions: this runs twice per node for every pod scored.
  let count = 0;
  let total = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < requested.length; i++) {
    const capacity = allocatable[i] as number;
    if (capacity === 0) continue;
    const fraction = Math.min(1, (requested[i] as number) / capacity);
    if (count === 0) first = fraction;
    else if (count === 1) second = fraction;
    total += fraction;
    count++;
  }
  let std = 0;
  if (count === 2) std = Math.abs((first - second) / 2);
  else if (count > 2) {
    const mean = total / count;
    let squares = 0;
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i] as number;
      if (capacity === 0) continue;
      const deviation = Math.min(1, (requested[i] as number) / capacity) - mean;
      squares += deviation * deviation;
    }
    std = Math.sqrt(squares / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * The score as changed in 1.36 (PR #135573): 50 + (50 + S_with − S_without) / 2 in integer
 * arithmetic, S being the balance with and without the pod. No change scores 75, balanced →
 * imbalanced 50, imbalanced → balanced 100 (spec §6.3; the expression is from a third-party copy of
 * the 1.36 source and matches the PR's three anchor points).
 */
export function scoreFromBalance(withPod: number, without: number): number {
  return 50 + Math.trunc((50 + withPod - without) / 2);
}

/** Scratch arrays sized to the resource list: subarray views would cost three allocations per node. */
let scratch = { requested: new Float64Array(2), allocatable: new Float64Array(2), before: new Float64Array(2) };

export function score(cluster: SchedulerCache, pod: PodInfo, node: number, resources: readonly ResourceSpec[]): number {
  const n = resources.length;
  if (scratch.requested.length !== n)
    scratch = { requested: new Float64Array(n), allocatable: new Float64Array(n), before: new Float64Array(n) };
  const { requested, allocatable, before } = scratch;
  fillRequests(cluster, pod, node, resources, true, requested, allocatable);
  for (let i = 0; i < n; i++) {
    const name = (resources[i] as ResourceSpec).name;
    before[i] = (requested[i] as number) - (allocatable[i] === 0 ? 0 : (pod.requests.get(name) ?? 0));
  }
  return scoreFromBalance(balance(requested, allocatable), balance(before, allocatable));
}
