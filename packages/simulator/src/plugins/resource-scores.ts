// NodeResourcesFit scoring strategies and NodeResourcesBalancedAllocation, cpu and memory weighted 1:1.

/** ((alloc − req) × 100) / alloc per resource, 0 when over; resources with alloc 0 skipped; integer mean. */
export function leastAllocated(allocCpu: number, reqCpu: number, allocMem: number, reqMem: number): number {
  let sum = 0;
  let count = 0;
  if (allocCpu > 0) {
    sum += reqCpu > allocCpu ? 0 : Math.floor(((allocCpu - reqCpu) * 100) / allocCpu);
    count++;
  }
  if (allocMem > 0) {
    sum += reqMem > allocMem ? 0 : Math.floor(((allocMem - reqMem) * 100) / allocMem);
    count++;
  }
  return count === 0 ? 0 : Math.floor(sum / count);
}

/** (req × 100) / alloc per resource, capped at 100; the same skipping and mean. */
export function mostAllocated(allocCpu: number, reqCpu: number, allocMem: number, reqMem: number): number {
  let sum = 0;
  let count = 0;
  if (allocCpu > 0) {
    sum += reqCpu > allocCpu ? 100 : Math.floor((reqCpu * 100) / allocCpu);
    count++;
  }
  if (allocMem > 0) {
    sum += reqMem > allocMem ? 100 : Math.floor((reqMem * 100) / allocMem);
    count++;
  }
  return count === 0 ? 0 : Math.floor(sum / count);
}

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
export function balancedAllocation(allocCpu: number, nodeCpu: number, podCpu: number, allocMem: number, nodeMem: number, podMem: number): number {
  const without = balance(allocCpu, nodeCpu, allocMem, nodeMem);
  const withPod = balance(allocCpu, nodeCpu + podCpu, allocMem, nodeMem + podMem);
  return 50 + Math.trunc((50 + withPod - without) / 2);
}
