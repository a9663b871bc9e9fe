import type { Workload } from '@kubectl-workload/api';
import { findingsOf, expectRule } from '../../test-support/expect-rule.js';
import { basic, withTemplates, workload } from './test-support/objects.js';

describe('WL-00 the Workload decodes', () => {
  it('accepts a well-typed Workload', async () => {
    await expectRule('WL-00', withTemplates(basic())).toPass();
  });
  it('reports each value of the wrong JSON type, and no other WL rule runs', async () => {
    const broken = workload({
      podGroupTemplates: [{ name: 't', schedulingPolicy: { gang: { minCount: '2' } } }, 'x'],
    } as unknown as Workload['spec'] & object);
    await expectRule('WL-00', broken).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount',
        message: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount: Invalid value: "2": must be a 32-bit integer',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[1]',
        message: 'spec.podGroupTemplates[1]: Invalid value: "x": must be an object',
      },
    ]);
    for (const id of ['WL-01', 'WL-06', 'WL-07', 'WL-10']) expect(await findingsOf(id, broken)).toEqual([]);
  });
  it('checks metadata too', async () => {
    await expectRule(
      'WL-00',
      workload({ podGroupTemplates: [basic()] }, { name: 'w', namespace: 7 } as unknown as Workload['metadata'] & object),
    ).toReport([
      { reason: 'FieldValueInvalid', field: 'metadata.namespace', message: 'metadata.namespace: Invalid value: 7: must be a string' },
    ]);
  });
});
