import { renderFieldError } from '@kubectl-workload/api';
import type { FieldError } from '@kubectl-workload/api';
import {
  immutable,
  immutableValue,
  isSet,
  validateConditionReason,
  validateDnsLabelName,
  validateDnsSubdomainName,
  validateEnum,
  validateLabelKey,
  validateLongName,
  validateMaximum,
  validateMaxItems,
  validateMinimum,
  validatePathSegmentName,
  validateShortName,
  validateUnion,
  validateUniqueKeys,
} from './index.js';
import { LABEL_REGEX, NAME_PART_REGEX, REASON_REGEX, SUBDOMAIN_REGEX } from './test-support/texts.js';

const render = (errs: FieldError[]): string[] => errs.map(renderFieldError);

describe('M-LABEL validateShortName (DV k8s-short-name)', () => {
  it('accepts a DNS-1123 label of 63 bytes', () => {
    expect(validateShortName('p', 'a'.repeat(63))).toEqual([]);
  });
  it('reports the byte limit alone for a long valid-looking label', () => {
    expect(render(validateShortName('p', 'g'.repeat(64)))).toEqual([
      'p: Invalid value: "' + 'g'.repeat(64) + '": must be no more than 63 bytes',
    ]);
  });
  it('says "must not contain dots" for a valid subdomain', () => {
    expect(render(validateShortName('p', 'a.b'))).toEqual(['p: Invalid value: "a.b": must not contain dots']);
  });
  it('prints the pattern text otherwise', () => {
    expect(render(validateShortName('p', 'temp/late'))).toEqual([`p: Invalid value: "temp/late": ${LABEL_REGEX}`]);
  });
  it('reports length and pattern together', () => {
    const v = 'A'.repeat(64);
    expect(render(validateShortName('p', v))).toEqual([
      `p: Invalid value: "${v}": must be no more than 63 bytes`,
      `p: Invalid value: "${v}": ${LABEL_REGEX}`,
    ]);
  });
});

describe('M-SUB validateLongName (DV k8s-long-name) and M-META-SUB', () => {
  it('accepts a dotted subdomain', () => {
    expect(validateLongName('p', 'example.com')).toEqual([]);
  });
  it('counts bytes for DV and characters for metadata', () => {
    const v = 'g'.repeat(254);
    expect(render(validateLongName('p', v))).toEqual([`p: Invalid value: "${v}": must be no more than 253 bytes`]);
    expect(render(validateDnsSubdomainName('metadata.name', v))).toEqual([
      `metadata.name: Invalid value: "${v}": must be no more than 253 characters`,
    ]);
  });
  it('prints the subdomain pattern text', () => {
    expect(render(validateLongName('p', '.foo_bar'))).toEqual([`p: Invalid value: ".foo_bar": ${SUBDOMAIN_REGEX}`]);
  });
  it('M-META-NS: a namespace is a label with the characters wording', () => {
    expect(render(validateDnsLabelName('metadata.namespace', 'n'.repeat(64)))).toEqual([
      `metadata.namespace: Invalid value: "${'n'.repeat(64)}": must be no more than 63 characters`,
    ]);
  });
});

describe('M-LABELKEY validateLabelKey', () => {
  it.each(['example.com/Foo', 'MyName', 'my.name', 'kubernetes.io/hostname'])('accepts %s', (key) => {
    expect(validateLabelKey('k', key)).toEqual([]);
  });
  it('rejects an upper-case prefix with the prefix-part subdomain text', () => {
    expect(render(validateLabelKey('k', 'Example.com/Foo'))).toEqual([
      `k: Invalid value: "Example.com/Foo": prefix part ${SUBDOMAIN_REGEX}`,
    ]);
  });
  it('reports empty prefix and empty name parts', () => {
    expect(render(validateLabelKey('k', '/'))).toEqual([
      'k: Invalid value: "/": prefix part must be non-empty',
      'k: Invalid value: "/": name part must be non-empty',
      `k: Invalid value: "/": ${NAME_PART_REGEX}`,
    ]);
  });
  it('limits the name part to 63 bytes', () => {
    const v = `a/${'b'.repeat(64)}`;
    expect(render(validateLabelKey('k', v))).toEqual([`k: Invalid value: "${v}": name part must be no more than 63 bytes`]);
  });
  it('rejects more than one slash as a whole', () => {
    expect(render(validateLabelKey('k', 'a/b/c'))).toEqual([
      `k: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
  });
});

describe('M-PATHSEG validatePathSegmentName', () => {
  it.each([
    ['.', ["may not be '.'"]],
    ['..', ["may not be '..'"]],
    ['Deploy/ment', ["may not contain '/'"]],
    ['my%deploy/ment', ["may not contain '/'", "may not contain '%'"]],
  ])('%s', (value, details) => {
    expect(render(validatePathSegmentName('p', value))).toEqual(details.map((d) => `p: Invalid value: "${value}": ${d}`));
  });
  it('accepts upper case and dots inside', () => {
    expect(validatePathSegmentName('p', 'Deployment.v1')).toEqual([]);
  });
});

describe('PG-35 validateConditionReason', () => {
  it('requires a reason', () => {
    expect(render(validateConditionReason('r', ''))).toEqual(['r: Required value']);
  });
  it('accepts ReasonA:ReasonB', () => {
    expect(validateConditionReason('r', 'ReasonA:ReasonB')).toEqual([]);
  });
  it('prints the reason pattern', () => {
    expect(render(validateConditionReason('r', '1bad'))).toEqual([`r: Invalid value: "1bad": ${REASON_REGEX}`]);
  });
  it('limits the reason to 1024 bytes', () => {
    expect(render(validateConditionReason('r', 'R'.repeat(1025)))).toEqual(['r: Too long: may not be more than 1024 bytes']);
  });
});

describe('union, immutable, limits, enum, duplicates', () => {
  const members = (basic: unknown, gang: unknown) =>
    [
      ['basic', basic],
      ['gang', gang],
    ] as const;
  it('M-UNION0', () => {
    expect(render(validateUnion('s', members(undefined, null)))).toEqual(['s: Invalid value: "": must specify one of: `basic`, `gang`']);
  });
  it('M-UNION2', () => {
    expect(render(validateUnion('s', members({}, { minCount: 1 })))).toEqual([
      's: Invalid value: "{basic, gang}": must specify exactly one of: `basic`, `gang`',
    ]);
  });
  it('exactly one member passes', () => {
    expect(validateUnion('s', members({}, undefined))).toEqual([]);
    expect(isSet(null)).toBe(false);
  });
  it('M-IMM and the metadata variant', () => {
    expect(renderFieldError(immutable('spec.x'))).toBe('spec.x: Invalid value: null: field is immutable');
    expect(renderFieldError(immutableValue('metadata.name', 'b'))).toBe('metadata.name: Invalid value: "b": field is immutable');
  });
  it('M-MAXITEMS', () => {
    expect(render(validateMaxItems('l', new Array(9).fill(0), 8))).toEqual(['l: Too many: 9: must have at most 8 items']);
    expect(render(validateMaxItems('l', [1, 2], 1))).toEqual(['l: Too many: 2: must have at most 1 item']);
    expect(validateMaxItems('l', [1], 1)).toEqual([]);
  });
  it('M-MIN / M-MAX', () => {
    expect(render(validateMinimum('m', -1, 1))).toEqual(['m: Invalid value: -1: must be greater than or equal to 1']);
    expect(render(validateMaximum('m', 1000000001, 1000000000))).toEqual([
      'm: Invalid value: 1000000001: must be less than or equal to 1000000000',
    ]);
    expect([...validateMinimum('m', 1, 1), ...validateMaximum('m', 1000000000, 1000000000)]).toEqual([]);
  });
  it('M-ENUM', () => {
    expect(render(validateEnum('d', 'All', ['Pod', 'PodGroup']))).toEqual([
      'd: Unsupported value: "All": supported values: "Pod", "PodGroup"',
    ]);
  });
  it('M-DUP reports each later duplicate with the whole item', () => {
    const items = [{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }];
    expect(
      render(
        validateUniqueKeys(
          'l',
          items,
          (i) => i.name,
          (i) => i,
        ),
      ),
    ).toEqual(['l[2]: Duplicate value: {"name":"a"}', 'l[3]: Duplicate value: {"name":"a"}']);
  });
});
