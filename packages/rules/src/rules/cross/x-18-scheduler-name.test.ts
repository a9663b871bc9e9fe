import { expectRule } from '../../test-support/expect-rule.js';
import { pod } from './test-support/objects.js';

const member = (name: string, schedulerName?: string) =>
  pod({ schedulingGroup: { podGroupName: 'pg' }, ...(schedulerName ? { schedulerName } : {}) }, { name });

describe('X-18 pods of one PodGroup share a scheduler', () => {
  it('accepts the same scheduler (unset = default-scheduler) and pods of other groups', async () => {
    const other = pod({ schedulingGroup: { podGroupName: 'other' }, schedulerName: 'custom' }, { name: 'o' });
    await expectRule('X-18', member('p', 'default-scheduler'), { objects: [member('q'), other] }).toPass();
  });

  it('warns when another pod of the group uses a different scheduler', async () => {
    await expectRule('X-18', member('p', 'custom'), { objects: [member('q')] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulerName',
        message:
          'spec.schedulerName: Invalid value: "custom": pods of PodGroup "pg" must share one scheduler, but pod "q" uses "default-scheduler"; the scheduler rejects the whole group',
      },
    ]);
  });
});
