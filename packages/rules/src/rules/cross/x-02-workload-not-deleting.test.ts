import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup, templateRef, workload } from './test-support/objects.js';

const pg = podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { gang: { minCount: 2 } } });
const deleting = workload('w', undefined, { deletionTimestamp: '2026-01-01T00:00:00Z' });

describe('X-02 PodGroupWorkloadExists: Workload not being deleted', () => {
  it('admits a PodGroup whose Workload is live', async () => {
    await expectRule('X-02', pg, { objects: [workload('w')] }).toPass();
  });

  it('rejects a PodGroup whose Workload is being deleted', async () => {
    await expectRule('X-02', pg, { objects: [deleting] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.podGroupTemplateRef.workload.workloadName',
        message: 'PodGroup rejected: Workload "w" is being deleted',
      },
    ]);
  });

  it('leaves a missing Workload to X-01', async () => {
    await expectRule('X-02', pg).toPass();
  });
});
