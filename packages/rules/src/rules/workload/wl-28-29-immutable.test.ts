import { expectRule } from '../../test-support/expect-rule.js';
import { basic, gang, withTemplates, workload } from './test-support/objects.js';

const ref = { apiGroup: 'batch', kind: 'Job', name: 'j' };
const IMM_REF = {
  reason: 'FieldValueInvalid',
  field: 'spec.controllerRef',
  message: 'spec.controllerRef: Invalid value: null: field is immutable',
} as const;
const IMM_TPL = {
  reason: 'FieldValueInvalid',
  field: 'spec.podGroupTemplates',
  message: 'spec.podGroupTemplates: Invalid value: null: field is immutable',
} as const;

describe('WL-28 controllerRef immutable', () => {
  const w = (controllerRef?: typeof ref) => workload({ ...(controllerRef ? { controllerRef } : {}), podGroupTemplates: [basic()] });
  it('accepts an unchanged ref', async () => {
    await expectRule('WL-28', w(ref), { oldObject: w({ ...ref }) }).toPass();
  });
  it.each([
    ['set', undefined, ref],
    ['unset', ref, undefined],
    ['changed', ref, { ...ref, name: 'other' }],
  ])('rejects a ref being %s', async (_what, before, after) => {
    await expectRule('WL-28', w(after), { oldObject: w(before) }).toReport([IMM_REF]);
  });
});

describe('WL-29 templates immutable as a whole', () => {
  it('accepts an unchanged list (even with fields reordered)', async () => {
    await expectRule('WL-29', withTemplates({ schedulingPolicy: { gang: { minCount: 2 } }, name: 't' }), {
      oldObject: withTemplates(gang('t', 2)),
    }).toPass();
  });
  it.each([
    ['minCount changed', [gang('t', 3)]],
    ['template renamed', [gang('u', 2)]],
    ['template added', [gang('t', 2), basic('b')]],
    ['policy switched', [basic('t')]],
    ['priority added', [gang('t', 2, { priority: 1 })]],
  ])('reports one error when %s', async (_what, templates) => {
    await expectRule('WL-29', withTemplates(...templates), { oldObject: withTemplates(gang('t', 2)) }).toReport([IMM_TPL]);
  });
  it('is gate-independent: a constraint change with TAS off is still immutable', async () => {
    const old = withTemplates(gang('t', 2, { schedulingConstraints: { topology: [{ key: 'a' }] } }));
    const changed = withTemplates(gang('t', 2, { schedulingConstraints: { topology: [{ key: 'b' }] } }));
    await expectRule('WL-29', changed, { oldObject: old, gates: { TopologyAwareWorkloadScheduling: false } }).toReport([IMM_TPL]);
  });
});
