import type { Job } from '@kubectl-workload/api';
import { expectedPodGroupForJob, expectedWorkloadForJob } from './expected-objects.js';
import { workloadNameForJob } from './names.js';

const job: Job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'my-job', namespace: 'ml', uid: 'job-uid' },
  spec: { parallelism: 3, completions: 3, completionMode: 'Indexed', template: { spec: { containers: [] } } },
};

describe('objects the Job controller creates (JOB-06/07/09)', () => {
  const jobRef = { apiVersion: 'batch/v1', kind: 'Job', name: 'my-job', uid: 'job-uid', controller: true, blockOwnerDeletion: true };

  it('builds the Workload: controllerRef, one gang template, controller ownerReference', () => {
    expect(expectedWorkloadForJob(job)).toEqual({
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'Workload',
      metadata: { name: workloadNameForJob(job), namespace: 'ml', ownerReferences: [jobRef] },
      spec: {
        controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'my-job' },
        podGroupTemplates: [{ name: 'my-job-pgt-0', schedulingPolicy: { gang: { minCount: 3 } } }],
      },
    });
  });

  it('builds the PodGroup from the Workload template with both ownerReferences', () => {
    const workload = { ...expectedWorkloadForJob(job), metadata: { name: 'my-workload', namespace: 'ml', uid: 'wl-uid' } };
    expect(expectedPodGroupForJob(job, workload)).toEqual({
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: {
        name: 'my-workload-my-job-pgt-0-79b64977bd',
        namespace: 'ml',
        ownerReferences: [jobRef, { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', name: 'my-workload', uid: 'wl-uid' }],
      },
      spec: {
        podGroupTemplateRef: { workload: { workloadName: 'my-workload', podGroupTemplateName: 'my-job-pgt-0' } },
        schedulingPolicy: { gang: { minCount: 3 } },
      },
    });
  });

  it('creates nothing for a Job that does not qualify', () => {
    const serial = { ...job, spec: { ...job.spec, parallelism: 1, completions: 1 } };
    expect(expectedWorkloadForJob(serial)).toBeUndefined();
    expect(expectedPodGroupForJob(serial)).toBeUndefined();
  });
});
