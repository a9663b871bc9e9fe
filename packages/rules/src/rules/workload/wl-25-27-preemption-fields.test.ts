import { expectRule } from '../../test-support/expect-rule.js';
import { SUBDOMAIN_REGEX } from '../../validation/test-support/texts.js';
import { gang, withTemplates } from './test-support/objects.js';

const wapOff = { gates: { WorkloadAwarePreemption: false } };
const P = 'spec.podGroupTemplates[0]';

describe('WL-25 template disruptionMode', () => {
  it('accepts PodGroup, and an unset value (templates are not defaulted)', async () => {
    await expectRule('WL-25', withTemplates(gang('t', 2, { disruptionMode: 'PodGroup' }))).toPass();
    await expectRule('WL-25', withTemplates(gang())).toPass();
  });
  it('rejects an unknown mode', async () => {
    await expectRule('WL-25', withTemplates(gang('t', 2, { disruptionMode: 'All' }))).toReport([
      {
        reason: 'FieldValueNotSupported',
        field: `${P}.disruptionMode`,
        message: `${P}.disruptionMode: Unsupported value: "All": supported values: "Pod", "PodGroup"`,
      },
    ]);
  });
  it('warns that any value is dropped with the gate off', async () => {
    await expectRule('WL-25', withTemplates(gang('t', 2, { disruptionMode: 'Pod' })), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: `${P}.disruptionMode`,
        message: `${P}.disruptionMode: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off`,
      },
    ]);
  });
});

describe('WL-26 template priorityClassName', () => {
  it('accepts a subdomain, and an empty value with the gate off', async () => {
    await expectRule('WL-26', withTemplates(gang('t', 2, { priorityClassName: 'high.priority' }))).toPass();
    await expectRule('WL-26', withTemplates(gang('t', 2, { priorityClassName: '' })), wapOff).toPass();
  });
  it('rejects an invalid name', async () => {
    await expectRule('WL-26', withTemplates(gang('t', 2, { priorityClassName: 'High' }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${P}.priorityClassName`,
        message: `${P}.priorityClassName: Invalid value: "High": ${SUBDOMAIN_REGEX}`,
      },
    ]);
  });
  it('warns that a non-empty value is dropped with the gate off', async () => {
    await expectRule('WL-26', withTemplates(gang('t', 2, { priorityClassName: 'high' })), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: `${P}.priorityClassName`,
        message: `${P}.priorityClassName: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off`,
      },
    ]);
  });
});

describe('WL-27 template priority', () => {
  it('accepts the highest user-definable priority', async () => {
    await expectRule('WL-27', withTemplates(gang('t', 2, { priority: 1000000000 }))).toPass();
  });
  it('rejects a system-level priority', async () => {
    await expectRule('WL-27', withTemplates(gang('t', 2, { priority: 2000000000 }))).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${P}.priority`,
        message: `${P}.priority: Invalid value: 2000000000: must be less than or equal to 1000000000`,
      },
    ]);
  });
  it('warns that even 0 is dropped with the gate off', async () => {
    await expectRule('WL-27', withTemplates(gang('t', 2, { priority: 0 })), wapOff).toReport([
      {
        reason: 'FieldValueForbidden',
        field: `${P}.priority`,
        message: `${P}.priority: Forbidden: dropped by the API server: the WorkloadAwarePreemption feature gate is off`,
      },
    ]);
  });
});
