import { fitErrorMessage, type FilterStatus } from './status.js';

const s = (...reasons: string[]): FilterStatus => ({ plugin: 'P', code: 'Unschedulable', reasons });

describe('fitErrorMessage', () => {
  it('counts each reason once per node and sorts entries as strings ("1 c" < "10 b" < "2 a")', () => {
    const statuses = [...Array.from({ length: 10 }, () => s('b reason')), s('a reason', 'c reason'), s('a reason')];
    expect(fitErrorMessage(12, statuses)).toBe('0/12 nodes are available: 1 c reason, 10 b reason, 2 a reason.');
  });
});
