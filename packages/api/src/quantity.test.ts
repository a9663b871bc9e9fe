import { compareQuantity, integerValue, milliValue, parseQuantity, QUANTITY_FORMAT_ERROR, schedulerUnits } from './quantity.js';

describe('resource.Quantity parsing', () => {
  it.each([
    ['500m', 500_000_000n],
    ['0.5', 500_000_000n],
    ['5e-1', 500_000_000n],
    ['1e3', 1000n * 1_000_000_000n],
    ['1E3', 1000n * 1_000_000_000n],
    ['1.5', 1_500_000_000n],
    ['16Gi', 16n * (1n << 30n) * 1_000_000_000n],
    ['1k', 1000n * 1_000_000_000n],
    ['2M', 2_000_000n * 1_000_000_000n],
    ['1E', 10n ** 18n * 1_000_000_000n],
    ['100n', 100n],
    ['-1', -1_000_000_000n],
    ['.5', 500_000_000n],
  ])('%s is exact', (text, nanos) => {
    expect(parseQuantity(text).nanos).toBe(nanos);
  });

  it('caps binary-suffixed values at max int64, as ParseQuantity does, and leaves decimal ones exact', () => {
    const maxInt64 = (1n << 63n) - 1n;
    expect(parseQuantity('8Ei').nanos).toBe(maxInt64 * 1_000_000_000n);
    expect(parseQuantity('-8Ei').nanos).toBe(-maxInt64 * 1_000_000_000n);
    expect(parseQuantity('7Ei').nanos).toBe(7n * (1n << 60n) * 1_000_000_000n);
    expect(parseQuantity('10E').nanos).toBe(10n ** 19n * 1_000_000_000n);
  });

  it('rounds values below a nano-unit up, as Quantity does', () => {
    expect(parseQuantity('1e-12').nanos).toBe(1n);
  });

  it('compares different spellings of one value as equal', () => {
    expect(compareQuantity(parseQuantity('500m'), parseQuantity('0.5'))).toBe(0);
    expect(compareQuantity(parseQuantity('1Gi'), parseQuantity('1G'))).toBe(1);
  });

  it('reads cpu as rounded-up millicores and other resources as rounded-up integers', () => {
    expect(milliValue(parseQuantity('0.0001'))).toBe(1);
    expect(integerValue(parseQuantity('1500m'))).toBe(2);
    expect(schedulerUnits('cpu', '2')).toBe(2000);
    expect(schedulerUnits('memory', '1Ki')).toBe(1024);
    expect(schedulerUnits('nvidia.com/gpu', 4)).toBe(4);
  });

  it.each(['', 'abc', '1Kb', '1.2.3', '1 Gi', 'Gi', '1K'])('rejects %j with the upstream message', (text) => {
    expect(() => parseQuantity(text)).toThrow(QUANTITY_FORMAT_ERROR);
  });
});
