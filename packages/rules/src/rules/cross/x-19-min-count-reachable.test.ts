import { expectRule } from '../../test-support/expect-rule.js';
import { job, jobOwner, podGroup, templateRef, workload } from './test-support/objects.js';

const TEXT = 'exceeds the 4 pods Job "train" runs at once (the smaller of parallelism and completions), so the gang can never be scheduled';
const gang = (minCount: number, meta = {}) => podGroup({ schedulingPolicy: { gang: { minCount } } }, meta);

describe('X-19 gang minCount is reachable by the owning Job', () => {
  it('accepts minCount up to the pods the Job runs at once', async () => {
    await expectRule('X-19', gang(4, { ownerReferences: [jobOwner()] }), { objects: [job()] }).toPass();
  });

  it('warns for a PodGroup controlled by a smaller Job', async () => {
    await expectRule('X-19', gang(5, { ownerReferences: [jobOwner()] }), { objects: [job()] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang.minCount',
        message: `spec.schedulingPolicy.gang.minCount: Invalid value: 5: ${TEXT}`,
      },
    ]);
  });

  it("finds the Job through the Workload's controllerRef", async () => {
    const wl = workload(
      'w',
      [{ name: 't', schedulingPolicy: { gang: { minCount: 6 } } }],
      {},
      { apiGroup: 'batch', kind: 'Job', name: 'train' },
    );
    const pg = podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { gang: { minCount: 6 } } });
    await expectRule('X-19', pg, { objects: [wl, job()] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.schedulingPolicy.gang.minCount',
        message: `spec.schedulingPolicy.gang.minCount: Invalid value: 6: ${TEXT}`,
      },
    ]);
    await expectRule('X-19', wl, { objects: [job()] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.podGroupTemplates[0].schedulingPolicy.gang.minCount',
        message: `spec.podGroupTemplates[0].schedulingPolicy.gang.minCount: Invalid value: 6: ${TEXT}`,
      },
    ]);
  });

  it('says nothing when no Job is known', async () => {
    await expectRule('X-19', gang(50)).toPass();
  });
});
