import { score as balancedAllocation } from './node-resources-balanced-allocation.js';

const GI = 2 ** 30;

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
