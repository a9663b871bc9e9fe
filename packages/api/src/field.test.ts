import { goQuote, invalid, notSupported, pathSegments, renderAggregate, renderFieldError, required, tooLong, tooMany } from './field.js';

describe('field errors rendered like apimachinery', () => {
  it('prints Required and Forbidden without a value', () => {
    expect(renderFieldError(required('spec.podGroupTemplates'))).toBe('spec.podGroupTemplates: Required value');
    expect(renderFieldError(tooLong('status.conditions[0].reason', 'may not be more than 1024 bytes'))).toBe(
      'status.conditions[0].reason: Too long: may not be more than 1024 bytes',
    );
  });

  it('quotes strings, prints numbers bare, nil as null and structs as JSON', () => {
    expect(renderFieldError(invalid('a', 'Bad', 'detail'))).toBe('a: Invalid value: "Bad": detail');
    expect(renderFieldError(invalid('a', -1, 'must be greater than or equal to 1'))).toBe(
      'a: Invalid value: -1: must be greater than or equal to 1',
    );
    expect(renderFieldError(invalid('a', null, 'field is immutable'))).toBe('a: Invalid value: null: field is immutable');
    expect(renderFieldError({ type: 'FieldValueDuplicate', field: 'a[1]', badValue: { name: 'x' }, detail: '' })).toBe(
      'a[1]: Duplicate value: {"name":"x"}',
    );
  });

  it('words maxItems and enums as the validators do', () => {
    expect(renderFieldError(tooMany('spec.podGroupTemplates', 9, 8))).toBe(
      'spec.podGroupTemplates: Too many: 9: must have at most 8 items',
    );
    expect(renderFieldError(tooMany('t', 2, 1))).toBe('t: Too many: 2: must have at most 1 item');
    expect(renderFieldError(notSupported('spec.disruptionMode', 'All', ['Pod', 'PodGroup']))).toBe(
      'spec.disruptionMode: Unsupported value: "All": supported values: "Pod", "PodGroup"',
    );
  });

  it('escapes like Go %q', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
  });

  it('aggregates one error bare and several in brackets', () => {
    const a = required('a');
    const b = required('b');
    expect(renderAggregate([a])).toBe('a: Required value');
    expect(renderAggregate([a, b, a])).toBe('[a: Required value, b: Required value]');
  });

  it('splits rendered paths into object segments', () => {
    expect(pathSegments('spec.podGroupTemplates[2].name')).toEqual(['spec', 'podGroupTemplates', 2, 'name']);
    expect(pathSegments('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});
