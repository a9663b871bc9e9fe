import { expectRule } from '../../test-support/expect-rule.js';
import { job, jobOwner, podGroup, templateRef, workload } from './test-support/objects.js';
import { composite, compositePodGroup, gangTemplate, meta, podGroup137, workload137 } from '../v137/test-support/objects.js';

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

describe('X-24 under 1.37: spec.workloadRef, CompositePodGroups, delegated Jobs (JOB-28)', () => {
  const jobSet = { apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'js-uid', controller: true };
  const byJobSet = workload137({
    controllerRef: { apiGroup: 'jobset.x-k8s.io', kind: 'JobSet', name: 'js' },
    compositePodGroupTemplates: [composite('job', { podGroupTemplates: [gangTemplate('workers')] })],
  });
  const owned = (owner: ReturnType<typeof jobOwner> | typeof jobSet) =>
    podGroup137(
      { workloadRef: { workloadName: 'train', templateName: 'workers' } },
      { metadata: { ...meta('workers'), ownerReferences: [owner] } },
    );
  const delegatedJob = job({}, { name: 'worker-job', namespace: 'ml', ownerReferences: [jobSet] });
  const REF137 = '{"workloadName":"train","templateName":"workers"}';

  it("accepts the Workload's owner, and a Job that owner controls (JOB-28)", async () => {
    await expectRule('X-24', owned(jobSet), { objects: [byJobSet] }).toPass();
    await expectRule('X-24', owned(jobOwner('worker-job')), { objects: [byJobSet, delegatedJob] }).toPass();
  });

  it('warns about a Job the owner does not control, naming spec.workloadRef', async () => {
    const otherJob = job({}, { name: 'stray', namespace: 'ml', ownerReferences: [{ ...jobSet, name: 'other' }] });
    await expectRule('X-24', owned(jobOwner('stray')), { objects: [byJobSet, otherJob] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.workloadRef',
        message: `spec.workloadRef: Invalid value: ${REF137}: Workload "train" belongs to JobSet.jobset.x-k8s.io "js" (spec.controllerRef), but this PodGroup's controller is Job.batch "stray"`,
      },
    ]);
  });

  it('checks a CompositePodGroup the same way', async () => {
    const cpg = compositePodGroup({ workloadRef: { workloadName: 'train', templateName: 'job' } });
    const cpgOwnedBy = (owner: typeof jobSet) => ({ ...cpg, metadata: { ...cpg.metadata, ownerReferences: [owner] } });
    await expectRule('X-24', cpgOwnedBy(jobSet), { objects: [byJobSet] }).toPass();
    await expectRule('X-24', cpgOwnedBy({ ...jobSet, name: 'other' }), { objects: [byJobSet] }).toReport([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.workloadRef',
        message:
          'spec.workloadRef: Invalid value: {"workloadName":"train","templateName":"job"}: Workload "train" belongs to JobSet.jobset.x-k8s.io "js" (spec.controllerRef), but this CompositePodGroup\'s controller is JobSet.jobset.x-k8s.io "other"',
      },
    ]);
  });
});
