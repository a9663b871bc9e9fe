import { expectRule } from '../../test-support/expect-rule.js';
import { basic, gang, withTemplates } from './test-support/objects.js';

const many = (n: number) => Array.from({ length: n }, (_, i) => basic(`t${i}`));

describe('WL-05 at most 8 templates', () => {
  it('accepts 8', async () => {
    await expectRule('WL-05', withTemplates(...many(8))).toPass();
  });
  it('rejects 9', async () => {
    await expectRule('WL-05', withTemplates(...many(9))).toReport([
      {
        reason: 'FieldValueTooMany',
        field: 'spec.podGroupTemplates',
        message: 'spec.podGroupTemplates: Too many: 9: must have at most 8 items',
      },
    ]);
  });
  it('does not re-validate an unchanged list on update (ratcheting)', async () => {
    const old = withTemplates(...many(9));
    await expectRule('WL-05', withTemplates(...many(9)), { oldObject: old }).toPass();
  });
});

describe('WL-06 unique template names', () => {
  it('accepts distinct names', async () => {
    await expectRule('WL-06', withTemplates(basic('a'), basic('b'))).toPass();
  });
  it('reports each later duplicate with the whole template as Go prints it', async () => {
    await expectRule(
      'WL-06',
      withTemplates(basic('a'), gang('b'), { schedulingPolicy: { gang: { minCount: 3 } }, name: 'a', priority: 5 }),
    ).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.podGroupTemplates[2]',
        message:
          'spec.podGroupTemplates[2]: Duplicate value: {"name":"a","schedulingPolicy":{"gang":{"minCount":3}},"schedulingConstraints":null,"priority":5}',
      },
    ]);
  });
  it('is skipped when the list fails its maxItems pre-check', async () => {
    await expectRule('WL-06', withTemplates(...many(8), basic('t0'))).toPass();
  });
});

describe('WL-06 bad value follows the v1alpha2 JSON tags', () => {
  it('prints constraints, claims and a zero priority; leaves out an empty class name', async () => {
    const dup = {
      priority: 0,
      priorityClassName: '',
      resourceClaims: [{ resourceClaimTemplateName: 'tpl', name: 'c' }],
      schedulingConstraints: { topology: [{ key: 'zone' }] },
      schedulingPolicy: { basic: {} },
      name: 'a',
    };
    await expectRule('WL-06', withTemplates(basic('a'), dup)).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'spec.podGroupTemplates[1]',
        message:
          'spec.podGroupTemplates[1]: Duplicate value: {"name":"a","schedulingPolicy":{"basic":{}},"schedulingConstraints":{"topology":[{"key":"zone"}]},"resourceClaims":[{"name":"c","resourceClaimTemplateName":"tpl"}],"priority":0}',
      },
    ]);
  });
});
