import { expectRule } from '../../test-support/expect-rule.js';
import { REASON_REGEX } from '../../validation/test-support/texts.js';
import { condition, withStatus } from './test-support/objects.js';

const statusUpdate = (conditions: Array<Record<string, unknown>>) => ({
  object: withStatus({ conditions }),
  c: { oldObject: withStatus({}), subResource: 'status' as const },
});
const C = 'status.conditions[0]';

describe('PG-30 unique condition types', () => {
  it('accepts distinct types', async () => {
    const { object, c } = statusUpdate([condition(), condition({ type: 'DisruptionTarget' })]);
    await expectRule('PG-30', object, c).toPass();
  });
  it('reports the later duplicate with the type string', async () => {
    const { object, c } = statusUpdate([condition(), condition()]);
    await expectRule('PG-30', object, c).toReport([
      {
        reason: 'FieldValueDuplicate',
        field: 'status.conditions[1].type',
        message: 'status.conditions[1].type: Duplicate value: "PodGroupScheduled"',
      },
    ]);
  });
});

describe('PG-31..36 each condition', () => {
  it('accepts a complete condition', async () => {
    const { object, c } = statusUpdate([condition()]);
    for (const id of ['PG-31', 'PG-32', 'PG-33', 'PG-34', 'PG-35', 'PG-36']) await expectRule(id, object, c).toPass();
  });
  it('PG-31 type is a qualified name', async () => {
    const { object, c } = statusUpdate([condition({ type: 'a/b/c' })]);
    await expectRule('PG-31', object, c).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${C}.type`,
        message: `${C}.type: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      },
    ]);
  });
  it('PG-32 status is True, False or Unknown', async () => {
    const { object, c } = statusUpdate([condition({ status: 'Maybe' })]);
    await expectRule('PG-32', object, c).toReport([
      {
        reason: 'FieldValueNotSupported',
        field: `${C}.status`,
        message: `${C}.status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"`,
      },
    ]);
  });
  it('PG-33 observedGeneration is not negative', async () => {
    const { object, c } = statusUpdate([condition({ observedGeneration: -1 })]);
    await expectRule('PG-33', object, c).toReport([
      {
        reason: 'FieldValueInvalid',
        field: `${C}.observedGeneration`,
        message: `${C}.observedGeneration: Invalid value: -1: must be greater than or equal to zero`,
      },
    ]);
  });
  it('PG-34 lastTransitionTime is required', async () => {
    const { object, c } = statusUpdate([condition({ lastTransitionTime: undefined })]);
    await expectRule('PG-34', object, c).toReport([
      { reason: 'FieldValueRequired', field: `${C}.lastTransitionTime`, message: `${C}.lastTransitionTime: Required value` },
    ]);
  });
  it('PG-35 reason format and length', async () => {
    const bad = statusUpdate([condition({ reason: 'Not scheduled' })]);
    await expectRule('PG-35', bad.object, bad.c).toReport([
      { reason: 'FieldValueInvalid', field: `${C}.reason`, message: `${C}.reason: Invalid value: "Not scheduled": ${REASON_REGEX}` },
    ]);
    const missing = statusUpdate([condition({ reason: '' })]);
    await expectRule('PG-35', missing.object, missing.c).toReport([
      { reason: 'FieldValueRequired', field: `${C}.reason`, message: `${C}.reason: Required value` },
    ]);
    const long = statusUpdate([condition({ reason: 'R'.repeat(1025) })]);
    await expectRule('PG-35', long.object, long.c).toReport([
      { reason: 'FieldValueTooLong', field: `${C}.reason`, message: `${C}.reason: Too long: may not be more than 1024 bytes` },
    ]);
  });
  it('PG-36 message at most 32768 bytes (multi-byte characters count as bytes)', async () => {
    const { object, c } = statusUpdate([condition({ message: 'é'.repeat(16385) })]);
    await expectRule('PG-36', object, c).toReport([
      { reason: 'FieldValueTooLong', field: `${C}.message`, message: `${C}.message: Too long: may not be more than 32768 bytes` },
    ]);
  });
});
