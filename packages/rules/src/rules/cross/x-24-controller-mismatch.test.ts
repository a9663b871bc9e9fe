import { expectRule } from '../../test-support/expect-rule.js';
import { jobOwner, podGroup, templateRef, workload } from './test-support/objects.js';

const wl = workload('w', undefined, {}, { apiGroup: 'batch', kind: 'Job', name: 'train' });
const pgOwnedBy = (owner: ReturnType<typeof jobOwner>) =>
  podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { gang: { minCount: 2 } } }, { ownerReferences: [owner] });

describe("X-24 PodGroup controller matches the Workload's controllerRef", () => {
  it('accepts the same owner, and PodGroups without a controller', async () => {
    await expectRule('X-24', pgOwnedBy(jobOwner('train')), { objects: [wl] }).toPass();
    await expectRule('X-24', podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { basic: {} } }), {
      objects: [wl],
    }).toPass();
  });

  it('warns when another owner controls the PodGroup', async () => {
    await expectRule('X-24', pgOwnedBy(jobOwner('other')), { objects: [wl] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplateRef',
        message:
          'spec.podGroupTemplateRef: Invalid value: {"workload":{"workloadName":"w","podGroupTemplateName":"t"}}: Workload "w" belongs to Job.batch "train" (spec.controllerRef), but this PodGroup\'s controller is Job.batch "other"',
      },
    ]);
  });
});
