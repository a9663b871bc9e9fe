import { labelSelectorMatches, nodeSelectorTermMatches, tolerates } from './selectors.js';

describe('nodeSelectorTermMatches', () => {
  const labels = { zone: 'a', gen: '5' };
  it.each([
    [{ key: 'zone', operator: 'In', values: ['a', 'b'] }, true],
    [{ key: 'zone', operator: 'In', values: ['b'] }, false],
    [{ key: 'zone', operator: 'NotIn', values: ['b'] }, true],
    [{ key: 'missing', operator: 'NotIn', values: ['b'] }, true],
    [{ key: 'zone', operator: 'Exists' }, true],
    [{ key: 'zone', operator: 'DoesNotExist' }, false],
    [{ key: 'gen', operator: 'Gt', values: ['4'] }, true],
    [{ key: 'gen', operator: 'Gt', values: ['5'] }, false],
    [{ key: 'gen', operator: 'Lt', values: ['6'] }, true],
    [{ key: 'zone', operator: 'Lt', values: ['6'] }, false],
    [{ key: 'zone', operator: 'Bogus' }, false],
  ])('%o → %s', (req, expected) => {
    expect(nodeSelectorTermMatches({ matchExpressions: [req] }, labels, 'n1')).toBe(expected);
  });

  it('matches metadata.name through matchFields and treats an empty term as matching nothing', () => {
    expect(nodeSelectorTermMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }, labels, 'n1')).toBe(true);
    expect(nodeSelectorTermMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }, labels, 'n2')).toBe(false);
    expect(nodeSelectorTermMatches({}, labels, 'n1')).toBe(false);
  });
});

describe('labelSelectorMatches', () => {
  it('treats a missing selector as nothing and {} as everything', () => {
    expect(labelSelectorMatches(undefined, { a: '1' })).toBe(false);
    expect(labelSelectorMatches({}, { a: '1' })).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }] }, { a: '1' })).toBe(
      true,
    );
    expect(labelSelectorMatches({ matchLabels: { a: '2' } }, { a: '1' })).toBe(false);
  });
});

describe('tolerates', () => {
  const taint = { key: 'sla', value: '950', effect: 'NoSchedule' };
  it.each([
    [{ key: 'sla', operator: 'Equal', value: '950', effect: 'NoSchedule' }, true],
    [{ key: 'sla', value: '950' }, true],
    [{ key: 'sla', operator: 'Equal', value: '900' }, false],
    [{ key: 'sla', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'sla', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ key: 'other', operator: 'Exists' }, false],
    [{ key: 'sla', operator: 'Gt', value: '900' }, true],
    [{ key: 'sla', operator: 'Gt', value: '950' }, false],
    [{ key: 'sla', operator: 'Lt', value: '1000' }, true],
    [{ key: 'sla', operator: 'Lt', value: 'high' }, false],
  ])('%o → %s', (toleration, expected) => {
    expect(tolerates(toleration, taint)).toBe(expected);
  });
});
