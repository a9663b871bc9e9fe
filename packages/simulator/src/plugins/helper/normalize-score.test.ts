import { defaultNormalizeScore } from './normalize-score.js';

describe('DefaultNormalizeScore', () => {
  it('scales by the maximum with integer division; reverse subtracts from 100', () => {
    expect(defaultNormalizeScore(1, 3, false)).toBe(33);
    expect(defaultNormalizeScore(1, 3, true)).toBe(67);
    expect(defaultNormalizeScore(3, 3, true)).toBe(0);
  });

  it('an all-zero list stays 0, or becomes 100 everywhere when reversed', () => {
    expect(defaultNormalizeScore(0, 0, false)).toBe(0);
    expect(defaultNormalizeScore(0, 0, true)).toBe(100);
  });
});
