import { expectRule } from '../../test-support/expect-rule.js';
import { podGroup, templateRef, workload } from './test-support/objects.js';

const pg = podGroup({ podGroupTemplateRef: templateRef('w', 't'), schedulingPolicy: { gang: { minCount: 2 } } });
const REF = '{"workload":{"workloadName":"w","podGroupTemplateName":"t"}}';
const AT_CREATE = 'the reference is only checked when a PodGroup is created (X-01..X-03)';

describe('X-22 dangling template references', () => {
  it('accepts a PodGroup update whose Workload and template still exist', async () => {
    await expectRule('X-22', pg, { oldObject: pg, objects: [workload('w')] }).toPass();
  });

  it.each([
    ['no longer exists', []],
    ['is being deleted', [workload('w', undefined, { deletionTimestamp: '2026-01-01T00:00:00Z' })]],
  ])('warns on update when the Workload %s', async (what, objects) => {
    await expectRule('X-22', pg, { oldObject: pg, objects }).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.podGroupTemplateRef',
        message: `spec.podGroupTemplateRef: Not found: ${REF}: Workload "w" ${what}; ${AT_CREATE}`,
      },
    ]);
  });

  it('warns on a status update when the template vanished', async () => {
    await expectRule('X-22', pg, {
      oldObject: pg,
      subResource: 'status',
      objects: [workload('w', [{ name: 'x', schedulingPolicy: { basic: {} } }])],
    }).toReport([
      {
        reason: 'FieldValueNotFound',
        field: 'spec.podGroupTemplateRef',
        message: `spec.podGroupTemplateRef: Not found: ${REF}: Workload "w" has no PodGroupTemplate "t" any more; ${AT_CREATE}`,
      },
    ]);
  });

  it('leaves PodGroup creation to X-01..X-03', async () => {
    await expectRule('X-22', pg).toPass();
  });

  it('warns when a referenced Workload is deleted, and not otherwise', async () => {
    const wl = workload('w');
    await expectRule('X-22', wl, { operation: 'DELETE', oldObject: wl, objects: [pg] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          'metadata.name: Invalid value: "w": still referenced by PodGroup "pg" (spec.podGroupTemplateRef); they stay without a template, and a Workload recreated under this name is not checked against them',
      },
    ]);
    await expectRule('X-22', workload('unused'), { operation: 'DELETE', objects: [pg] }).toPass();
  });
});
