import { expectRule } from '../../test-support/expect-rule.js';
import { pod } from '../cross/test-support/objects.js';

const PREFIX =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const diff = (before: string, after: string): string =>
  [
    '  core.PodSpec{',
    '  \t... // identical fields',
    `- \tSchedulingGroup: ${before},`,
    `+ \tSchedulingGroup: ${after},`,
    '  \t... // identical fields',
    '  }',
  ].join('\n');

describe('POD-04 schedulingGroup is immutable on pods', () => {
  it('accepts an update that keeps the group (and other changes POD-04 does not judge)', async () => {
    const before = pod({ schedulingGroup: { podGroupName: 'a' } });
    await expectRule('POD-04', pod({ schedulingGroup: { podGroupName: 'a' }, activeDeadlineSeconds: 5 } as object), {
      oldObject: before,
    }).toPass();
  });

  it('rejects changing the group with the generic pod-update message', async () => {
    await expectRule('POD-04', pod({ schedulingGroup: { podGroupName: 'b' } }), {
      oldObject: pod({ schedulingGroup: { podGroupName: 'a' } }),
    }).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec',
        message: `${PREFIX}\n${diff('&core.PodSchedulingGroup{PodGroupName: &"a"}', '&core.PodSchedulingGroup{PodGroupName: &"b"}')}`,
      },
    ]);
  });

  it('rejects adding and removing the group', async () => {
    await expectRule('POD-04', pod({ schedulingGroup: { podGroupName: 'a' } }), { oldObject: pod({}) }).toReport([
      {
        reason: 'FieldValueForbidden',
        field: 'spec',
        message: `${PREFIX}\n${diff('nil', '&core.PodSchedulingGroup{PodGroupName: &"a"}')}`,
      },
    ]);
    await expectRule('POD-04', pod({}), { oldObject: pod({ schedulingGroup: {} }) }).toReport([
      { reason: 'FieldValueForbidden', field: 'spec', message: `${PREFIX}\n${diff('&core.PodSchedulingGroup{}', 'nil')}` },
    ]);
  });

  it('never runs on create', async () => {
    await expectRule('POD-04', pod({ schedulingGroup: { podGroupName: 'a' } })).toPass();
  });
});
