import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup, templateRef, workload } from './test-support/objects.js';

const pg = podGroup({ podGroupTemplateRef: templateRef('w', 'other'), schedulingPolicy: { gang: { minCount: 2 } } });

describe('X-03 PodGroupWorkloadExists: template must exist', () => {
  it('admits a PodGroup whose template exists', async () => {
    await expectRule('X-03', pg, { objects: [workload('w', [{ name: 'other', schedulingPolicy: { basic: {} } }])] }).toPass();
  });

  it('rejects a PodGroup naming a template the Workload lacks', async () => {
    await expectRule('X-03', pg, { objects: [workload('w')] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.podGroupTemplateRef.workload.podGroupTemplateName',
        message: 'PodGroup rejected: PodGroupTemplate "other" not found in Workload "w"',
      },
    ]);
  });

  it('reports only the deletion when the Workload is also being deleted (first error wins)', async () => {
    await expectRule('X-03', pg, { objects: [workload('w', undefined, { deletionTimestamp: '2026-01-01T00:00:00Z' })] }).toPass();
  });
});
