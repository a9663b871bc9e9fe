import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup, templateRef, workload } from './test-support/objects.js';

const pg = podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { gang: { minCount: 2 } } });

describe('X-01 PodGroupWorkloadExists: Workload must exist', () => {
  it('admits a PodGroup whose Workload exists', async () => {
    await expectRule('X-01', pg, { objects: [workload('w')] }).toPass();
  });

  it('rejects a PodGroup whose Workload is missing', async () => {
    await expectRule('X-01', pg).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.podGroupTemplateRef.workload.workloadName',
        message: 'PodGroup rejected: Workload "w" not found',
      },
    ]);
  });

  it('looks only in the PodGroup namespace', async () => {
    await expectRule('X-01', pg, { objects: [{ ...workload('w'), metadata: { name: 'w', namespace: 'other' } }] }).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.podGroupTemplateRef.workload.workloadName',
        message: 'PodGroup rejected: Workload "w" not found',
      },
    ]);
  });

  it('needs GenericWorkload', async () => {
    await expectRule('X-01', pg, { gates: { GenericWorkload: false } }).toPass();
  });
});

describe('X-04 the Workload checks run on create of template-backed PodGroups only', () => {
  it('skips standalone PodGroups', async () => {
    for (const id of ['X-01', 'X-02', 'X-03']) await expectRule(id, podGroup({ schedulingPolicy: { basic: {} } })).toPass();
  });

  it('skips updates and status updates', async () => {
    for (const id of ['X-01', 'X-02', 'X-03']) {
      await expectRule(id, pg, { oldObject: pg }).toPass();
      await expectRule(id, pg, { oldObject: pg, subResource: 'status' }).toPass();
    }
  });
});
