import { expectRule } from '../../test-support/expect-rule.js';
import { pod, podGroup } from './test-support/objects.js';

const group = podGroup(
  { schedulingPolicy: { basic: {} }, resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }] },
  { name: 'pg' },
);

describe('X-16 pod claims named like the group claim share its source', () => {
  it('accepts the same source and unrelated claim names', async () => {
    const claims = [
      { name: 'gpu', resourceClaimTemplateName: 'gpus' },
      { name: 'scratch', resourceClaimName: 'mine' },
    ];
    await expectRule('X-16', pod({ schedulingGroup: { podGroupName: 'pg' }, resourceClaims: claims }), { objects: [group] }).toPass();
  });

  it('warns when the source differs', async () => {
    const p = pod({ schedulingGroup: { podGroupName: 'pg' }, resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpus' }] });
    await expectRule('X-16', p, { objects: [group] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.resourceClaims[0]',
        message:
          'spec.resourceClaims[0]: Invalid value: {"name":"gpu","resourceClaimName":"gpus"}: PodGroup "pg" has a claim of this name with resourceClaimTemplateName "gpus"; with a different source this pod gets its own claim instead of the group\'s shared one',
      },
    ]);
  });
});
