import type { PodGroup } from '@kubectl-workload/api';
import { findingsOf, expectRule } from '../../test-support/expect-rule.js';
import { condition, gangSpec, podGroup, withStatus } from './test-support/objects.js';

describe('PG-00 the PodGroup decodes', () => {
  it('accepts a well-typed PodGroup', async () => {
    await expectRule('PG-00', podGroup(gangSpec())).toPass();
  });
  it('reports a spec that is not an object, and no other PG rule runs', async () => {
    const broken = { ...podGroup({}), spec: 'gang' } as unknown as PodGroup;
    await expectRule('PG-00', broken).toReport([
      { reason: 'FieldValueInvalid', field: 'spec', message: 'spec: Invalid value: "gang": must be an object' },
    ]);
    expect(await findingsOf('PG-07', broken)).toEqual([]);
  });
  it('checks status on /status updates', async () => {
    const object = withStatus({ conditions: [condition({ observedGeneration: 'one' })] });
    await expectRule('PG-00', object, { oldObject: withStatus({}), subResource: 'status' }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'status.conditions[0].observedGeneration',
        message: 'status.conditions[0].observedGeneration: Invalid value: "one": must be an integer',
      },
    ]);
  });
});
