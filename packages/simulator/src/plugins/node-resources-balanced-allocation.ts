// NodeResourcesBalancedAllocation Score: favours nodes whose cpu and memory use stay balanced,
// over actual requests; skipped for best-effort pods.

export const NAME = 'NodeResourcesBalancedAllocation';

/** int64((1 − std) × 100) over the requested fractions (capped at 1); with two resources std = |f1 − f2| / 2. */
function balance(allocCpu: number, reqCpu: number, allocMem: number, reqMem: number): number {
  if (allocCpu <= 0 || allocMem <= 0) return 100;
  const cpu = Math.min(1, reqCpu / allocCpu);
  const mem = Math.min(1, reqMem / allocMem);
  return Math.trunc((1 - Math.abs(cpu - mem) / 2) * 100);
}

/**
 * BalancedAllocation as changed in 1.36 (PR #135573): 50 + (50 + S_with − S_without) / 2 in integer
 * arithmetic, S being the balance with and without the pod. No change scores 75, balanced →
 * imbalanced 50, imbalanced → balanced 100 (spec §6.3; the expression is from a third-party copy of
 * the 1.36 source and matches the PR's three anchor points).
 */
export function score(allocCpu: number, nodeCpu: number, podCpu: number, allocMem: number, nodeMem: number, podMem: number): number {
  const without = balance(allocCpu, nodeCpu, allocMem, nodeMem);
  const withPod = balance(allocCpu, nodeCpu + podCpu, allocMem, nodeMem + podMem);
  return 50 + Math.trunc((50 + withPod - without) / 2);
}
