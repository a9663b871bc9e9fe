import { renderFieldError } from '@kubectl-workload/api';
import { listOf, validateShape } from './shape.js';
import type { Shape } from './shape.js';

const shape: Shape = { fields: { name: 'string', count: 'int32', generation: 'int64', items: { items: { fields: { key: 'string' } } } } };
const render = (value: unknown) => validateShape('spec', value, shape).map(renderFieldError);

describe('validateShape', () => {
  it('accepts matching types, null fields and unknown fields', () => {
    expect(render({ name: 'a', count: 3, items: [{ key: 'k', extra: 1 }], other: true })).toEqual([]);
    expect(render({ name: null, count: null, items: null })).toEqual([]);
  });
  it('names every value of the wrong type', () => {
    expect(render({ name: 1, count: '3', items: {} })).toEqual([
      'spec.name: Invalid value: 1: must be a string',
      'spec.count: Invalid value: "3": must be a 32-bit integer',
      'spec.items: Invalid value: {}: must be a list',
    ]);
  });
  it('rejects fractions and values outside int32', () => {
    expect(render({ count: 1.5, generation: 2 ** 40 })).toEqual(['spec.count: Invalid value: 1.5: must be a 32-bit integer']);
    expect(render({ generation: 0.5 })).toEqual(['spec.generation: Invalid value: 0.5: must be an integer']);
    expect(render({ count: 2 ** 31 })).toEqual(['spec.count: Invalid value: 2147483648: must be a 32-bit integer']);
  });
  it('reports null and non-object list items by index', () => {
    expect(render({ items: [null, 'k', { key: 2 }] })).toEqual([
      'spec.items[0]: Invalid value: null: must be an object',
      'spec.items[1]: Invalid value: "k": must be an object',
      'spec.items[2].key: Invalid value: 2: must be a string',
    ]);
  });
  it('listOf reads a malformed list as empty', () => {
    expect(listOf('abc' as unknown as string[])).toEqual([]);
    expect(listOf(['a'])).toEqual(['a']);
  });
});
