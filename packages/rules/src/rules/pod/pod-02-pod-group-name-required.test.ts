import { expectRule } from '../../test-support/expect-rule.js';
import { pod } from '../cross/test-support/objects.js';

describe('POD-02 schedulingGroup.podGroupName required', () => {
  it('accepts a pod naming its group, and a pod without schedulingGroup', async () => {
    await expectRule('POD-02', pod({ schedulingGroup: { podGroupName: 'pg' } })).toPass();
    await expectRule('POD-02', pod({})).toPass();
  });

  it.each([
    ['an empty schedulingGroup', {}],
    ['a null podGroupName', { podGroupName: null as unknown as string }],
  ])('rejects %s with Required value', async (_name, schedulingGroup) => {
    await expectRule('POD-02', pod({ schedulingGroup })).toReport([
      {
        reason: 'FieldValueRequired',
        field: 'spec.schedulingGroup.podGroupName',
        message: 'spec.schedulingGroup.podGroupName: Required value',
      },
    ]);
  });

  it('does not run with GenericWorkload off (POD-01)', async () => {
    await expectRule('POD-02', pod({ schedulingGroup: {} }), { gates: { GenericWorkload: false } }).toPass();
  });
});
