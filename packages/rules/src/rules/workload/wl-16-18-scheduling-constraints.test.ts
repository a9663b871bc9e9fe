import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gang, withTemplates } from './test-support/objects.js';

const tasOff = { gates: { TopologyAwareWorkloadScheduling: false } };
const constrained = (topology: Array<{ key?: string }>) => withTemplates(gang('t', 2, { schedulingConstraints: { topology } }));
const P = 'spec.podGroupTemplates[0].schedulingConstraints';

describe('WL-16 schedulingConstraints gated by TopologyAwareWorkloadScheduling', () => {
  it('accepts constraints with the gate on', async () => {
    await expectRule('WL-16', constrained([{ key: 'kubernetes.io/hostname' }])).toPass();
  });
  it('accepts a template without constraints with the gate off', async () => {
    await expectRule('WL-16', withTemplates(gang()), tasOff).toPass();
  });
  it('warns that even {} is dropped with the gate off', async () => {
    await expectRule('WL-16', withTemplates(gang('t', 2, { schedulingConstraints: {} })), tasOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: P,
        message: `${P}: Forbidden: dropped by the API server: the TopologyAwareWorkloadScheduling feature gate is off`,
      },
    ]);
  });
});

describe('WL-17 at most one topology constraint', () => {
  it('accepts {} and an empty list', async () => {
    await expectRule('WL-17', withTemplates(gang('t', 2, { schedulingConstraints: {} }))).toPass();
    await expectRule('WL-17', constrained([])).toPass();
  });
  it('rejects two', async () => {
    await expectRule('WL-17', constrained([{ key: 'a' }, { key: 'b' }])).toReport([
      { reason: 'FieldValueTooMany', field: `${P}.topology`, message: `${P}.topology: Too many: 2: must have at most 1 item` },
    ]);
  });
  it('does not run with the gate off (WL-16 warns the field is dropped instead)', async () => {
    await expectRule('WL-17', constrained([{ key: 'a' }, { key: 'b' }]), tasOff).toPass();
  });
});

describe('WL-18 topology key', () => {
  it('accepts a mixed-case name part', async () => {
    await expectRule('WL-18', constrained([{ key: 'example.com/Foo' }])).toPass();
  });
  it('requires a key', async () => {
    await expectRule('WL-18', constrained([{}])).toReport([
      { reason: 'FieldValueRequired', field: `${P}.topology[0].key`, message: `${P}.topology[0].key: Required value` },
    ]);
  });
  it('rejects an upper-case prefix', async () => {
    await expectRule('WL-18', constrained([{ key: 'Example.com/Foo' }])).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${P}.topology[0].key`,
        message: `${P}.topology[0].key: Invalid value: "Example.com/Foo": prefix part ${SUBDOMAIN_REGEX}`,
      },
    ]);
  });
  it('is skipped when the list is too long', async () => {
    await expectRule('WL-18', constrained([{}, {}])).toPass();
  });
});
