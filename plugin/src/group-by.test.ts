import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps groups and their members in first-seen order', () => {
    const words = ['bb', 'a', 'cc', 'd', 'eee'];
    expect([...groupBy(words, (w) => w.length)]).toEqual([
      [2, ['bb', 'cc']],
      [1, ['a', 'd']],
      [3, ['eee']],
    ]);
    expect(groupBy([], (w: string) => w).size).toBe(0);
  });
});
