import { formatAmount, formatRequests } from './units.js';

describe('formatAmount', () => {
  it.each([
    ['cpu', 4000, '4'],
    ['cpu', 500, '500m'],
    ['memory', 16 * 2 ** 30, '16Gi'],
    ['memory', 1.5 * 2 ** 30, '1.5Gi'],
    ['memory', 512 * 2 ** 20, '512Mi'],
    ['memory', 100, '100'],
    ['nvidia.com/gpu', 5, '5'],
    ['pods', 110, '110'],
  ])('%s %d -> %s', (resource, value, expected) => {
    expect(formatAmount(resource, value)).toBe(expected);
  });

  it('lists requests in order', () => {
    expect(
      formatRequests(
        new Map([
          ['cpu', 4000],
          ['memory', 2 ** 34],
          ['nvidia.com/gpu', 1],
        ]),
      ),
    ).toBe('4 cpu, 16Gi memory, 1 nvidia.com/gpu');
  });
});
