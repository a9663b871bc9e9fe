import { semanticEqual, unchangedOnUpdate } from './equality.js';

describe('semanticEqual', () => {
  it.each([
    [undefined, []],
    [null, undefined],
    [{ a: 1 }, { a: 1, b: undefined }],
    [{ apiGroup: '', kind: 'Pod' }, { kind: 'Pod' }],
    [{ l: [] }, {}],
    [[{ x: 'a' }], [{ x: 'a' }]],
  ])('%j equals %j', (a, b) => {
    expect(semanticEqual(a, b)).toBe(true);
  });
  it.each([
    [undefined, {}],
    [{ basic: {} }, { gang: {} }],
    [
      [1, 2],
      [2, 1],
    ],
    ['1', 1],
    [{ a: [1] }, { a: [] }],
    [{ priority: 0 }, {}],
  ])('%j differs from %j', (a, b) => {
    expect(semanticEqual(a, b)).toBe(false);
  });
  it('only ratchets on UPDATE', () => {
    expect(unchangedOnUpdate('UPDATE', 'x', 'x')).toBe(true);
    expect(unchangedOnUpdate('CREATE', 'x', 'x')).toBe(false);
  });
});
