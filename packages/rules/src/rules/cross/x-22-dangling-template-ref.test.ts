import { expectRule } from '../../test-support/expect-rule.js';
import { composite, compositePodGroup, gangTemplate, podGroup137, workload137 } from '../v137/test-support/objects.js';
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

describe('X-22 under 1.37: spec.workloadRef, checked at create too (ADM-14 retired X-01..X-03)', () => {
  const tree = workload137({ compositePodGroupTemplates: [composite('job', { podGroupTemplates: [gangTemplate('workers')] })] });
  const ref = { workloadName: 'train', templateName: 'workers' };
  const pg137 = podGroup137({ workloadRef: ref });
  const NEVER = 'Kubernetes 1.37 does not check the reference (PodGroupWorkloadExists was removed)';
  const notFoundAt = (value: string, problem: string) => [
    {
      reason: 'FieldValueNotFound' as const,
      field: 'spec.workloadRef',
      message: `spec.workloadRef: Not found: ${value}: ${problem}; ${NEVER}`,
    },
  ];
  const REF137 = '{"workloadName":"train","templateName":"workers"}';

  it('accepts a PodGroup whose template sits under a composite template, on create and update', async () => {
    await expectRule('X-22', pg137, { objects: [tree] }).toPass();
    await expectRule('X-22', pg137, { oldObject: pg137, objects: [tree] }).toPass();
  });

  it.each([
    ['does not exist', []],
    ['is being deleted', [{ ...tree, metadata: { ...tree.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }]],
  ])('warns on create when the Workload %s', async (what, objects) => {
    await expectRule('X-22', pg137, { objects }).toReport(notFoundAt(REF137, `Workload "train" ${what}`));
  });

  it('warns when the Workload has no such PodGroupTemplate, and leaves a composite template name to X-31', async () => {
    const other = podGroup137({ workloadRef: { workloadName: 'train', templateName: 'gone' } });
    await expectRule('X-22', other, { oldObject: other, subResource: 'status', objects: [tree] }).toReport(
      notFoundAt('{"workloadName":"train","templateName":"gone"}', 'Workload "train" has no PodGroupTemplate "gone"'),
    );
    const namesComposite = podGroup137({ workloadRef: { workloadName: 'train', templateName: 'job' } });
    await expectRule('X-22', namesComposite, { objects: [tree] }).toPass();
  });

  it('checks a CompositePodGroup against the composite templates', async () => {
    const cpg = (templateName: string) => compositePodGroup({ workloadRef: { workloadName: 'train', templateName } });
    await expectRule('X-22', cpg('job'), { objects: [tree] }).toPass();
    await expectRule('X-22', cpg('workers'), { objects: [tree] }).toReport(
      notFoundAt('{"workloadName":"train","templateName":"workers"}', 'Workload "train" has no CompositePodGroupTemplate "workers"'),
    );
  });

  it('names the CompositePodGroups still referencing a deleted Workload as well as its PodGroups', async () => {
    const job = compositePodGroup({ workloadRef: { workloadName: 'train', templateName: 'job' } });
    await expectRule('X-22', tree, { operation: 'DELETE', oldObject: tree, objects: [pg137, job] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          'metadata.name: Invalid value: "train": still referenced by PodGroup "workers" and CompositePodGroup "job" (spec.workloadRef); they stay without a template, and a Workload recreated under this name is not checked against them',
      },
    ]);
    await expectRule('X-22', tree, { operation: 'DELETE', oldObject: tree, objects: [job] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          'metadata.name: Invalid value: "train": still referenced by CompositePodGroup "job" (spec.workloadRef); they stay without a template, and a Workload recreated under this name is not checked against them',
      },
    ]);
  });

  it('warns when a Workload that 1.37 PodGroups reference is deleted', async () => {
    await expectRule('X-22', tree, { operation: 'DELETE', oldObject: tree, objects: [pg137] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message:
          'metadata.name: Invalid value: "train": still referenced by PodGroup "workers" (spec.workloadRef); they stay without a template, and a Workload recreated under this name is not checked against them',
      },
    ]);
  });
});
