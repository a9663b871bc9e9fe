import { describe, expect, it } from '@jest/globals';
import { parseDuration } from './duration.js';

describe('parseDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['1m', 60_000],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['.5s', 500],
    ['1500us', 1.5],
    ['2000000ns', 2],
    ['-1m', -60_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  // Go refuses a number without a unit (other than 0), an unknown unit, a space, and nothing at all.
  it.each(['', '60', '1d', '1 m', 'm', '1m 30s', '1mm', '.s', 'abc'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
