import { normalizePlacementScores, NO_PODS_ASSIGNED, score } from './pod-group-pods-count.js';

describe('PodGroupPodsCount', () => {
  it('counts scheduled plus proposed pods and normalises to the best placement with integer division', () => {
    expect(score(1, 2)).toBe(3);
    expect(normalizePlacementScores([2, 3, 0])).toEqual([66, 100, 0]);
  });

  it('fails when no placement got any pod', () => {
    expect(normalizePlacementScores([0, 0])).toEqual({ error: NO_PODS_ASSIGNED });
  });
});
