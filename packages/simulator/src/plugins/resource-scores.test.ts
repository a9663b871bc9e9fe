import { balancedAllocation, leastAllocated, mostAllocated } from './resource-scores.js';

const GI = 2 ** 30;

describe('resource scores', () => {
  it('LeastAllocated: integer ((alloc - req) * 100) / alloc per resource, then the integer mean', () => {
    expect(leastAllocated(4000, 1000, 8 * GI, 2 * GI)).toBe(75);
    expect(leastAllocated(3000, 1000, 8 * GI, 0)).toBe(83); // (66 + 100) / 2
    expect(leastAllocated(1000, 2000, 8 * GI, 0)).toBe(50); // over-requested cpu scores 0
    expect(leastAllocated(0, 100, 8 * GI, 4 * GI)).toBe(50); // alloc 0 is skipped
  });

  it('MostAllocated: (req * 100) / alloc per resource', () => {
    expect(mostAllocated(4000, 3000, 16 * GI, 600 * 2 ** 20)).toBe(39); // (75 + 3) / 2
    expect(mostAllocated(6000, 3000, 24 * GI, 600 * 2 ** 20)).toBe(26); // (50 + 2) / 2
  });

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
