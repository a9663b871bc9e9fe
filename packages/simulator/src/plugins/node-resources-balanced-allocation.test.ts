import { balance, scoreFromBalance } from './node-resources-balanced-allocation.js';

const GI = 2 ** 30;

/** The score for a pod asking (podCpu, podMem) on a node with (nodeCpu, nodeMem) requested. */
function balancedAllocation(allocCpu: number, nodeCpu: number, podCpu: number, allocMem: number, nodeMem: number, podMem: number): number {
  return scoreFromBalance(
    balance([nodeCpu + podCpu, nodeMem + podMem], [allocCpu, allocMem]),
    balance([nodeCpu, nodeMem], [allocCpu, allocMem]),
  );
}

describe('NodeResourcesBalancedAllocation', () => {
  it('BalancedAllocation (1.36): 75 when the balance does not change, 100 imbalanced → balanced, 50 balanced → imbalanced', () => {
    expect(balancedAllocation(4000, 0, 1000, 8 * GI, 0, 2 * GI)).toBe(75);
    // cpu full, memory empty (S = 50) → both full (S = 100): 50 + (50 + 100 − 50) / 2.
    expect(balancedAllocation(4000, 4000, 0, 8 * GI, 0, 8 * GI)).toBe(100);
    // empty (S = 100) → cpu full, memory empty (S = 50): 50 + (50 + 50 − 100) / 2.
    expect(balancedAllocation(4000, 0, 4000, 8 * GI, 0, 0)).toBe(50);
    // empty → cpu half, memory empty (S = 75): 50 + trunc(25 / 2).
    expect(balancedAllocation(4000, 0, 2000, 8 * GI, 0, 0)).toBe(62);
  });
});

describe('balancedResourceScorer', () => {
  it('two resources: std = |f1 − f2| / 2; more than two: the population std; resources without allocatable are left out', () => {
    expect(balance([2, 1], [4, 4])).toBe(87); // std 0.125
    expect(balance([4, 0, 2], [4, 4, 4])).toBe(59); // mean 0.5, std sqrt(1/6) ≈ 0.408
    expect(balance([4, 7], [4, 0])).toBe(100);
  });
});
