// JOB-01/JOB-02 (api-rules-1.37 §7.3): the v1.37 Job controller's management mode replaces the 1.36
// gang qualification.

import { allGatesOn, type Job } from '@kubectl-workload/api';
import { jobManagementMode } from './management-1-37.js';

const owner = (kind: string, apiVersion: string) => [{ apiVersion, kind, name: 'parent', uid: 'p-uid', controller: true }];
const job = (metadata: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'j', namespace: 'ml', ...metadata },
  spec: { parallelism: 1, template: { spec: { containers: [], ...podSpec } } },
});

describe('jobManagementMode (JOB-02, 1.37)', () => {
  it('manageBoth: a root Job, whatever its parallelism or completion mode (the 1.36 qualification is retired)', () => {
    expect(jobManagementMode(job())).toEqual({
      mode: 'manageBoth',
      reason: 'JOB-02: the Job has no controller ownerReference (a root Job)',
    });
    // A non-controller ownerReference does not make a Job owned.
    const plainOwner = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'c' }];
    expect(jobManagementMode(job({ ownerReferences: plainOwner })).mode).toBe('manageBoth');
  });

  it('manageNone: a CronJob-owned Job (owned, no group-template-name annotation)', () => {
    expect(jobManagementMode(job({ ownerReferences: owner('CronJob', 'batch/v1') }))).toEqual({
      mode: 'manageNone',
      reason:
        'JOB-02: the Job is controlled by CronJob "parent" without the scheduling.k8s.io/group-template-name annotation (its owner decides how it is scheduled)',
    });
  });

  it('managePodGroupOnly: an owned Job whose annotation names its owner template', () => {
    const delegated = job({
      ownerReferences: owner('JobSet', 'jobset.x-k8s.io/v1alpha2'),
      annotations: { 'scheduling.k8s.io/group-template-name': 'workers' },
    });
    expect(jobManagementMode(delegated)).toEqual({
      mode: 'managePodGroupOnly',
      reason:
        'JOB-02: the Job is controlled by JobSet "parent" and its annotation scheduling.k8s.io/group-template-name names template "workers"',
      templateName: 'workers',
    });
  });

  it('manageNone: a Job whose pod template brings its own schedulingGroup, even a root Job with the annotation', () => {
    const byo = job({ annotations: { 'scheduling.k8s.io/group-template-name': 'x' } }, { schedulingGroup: { podGroupName: 'mine' } });
    expect(jobManagementMode(byo)).toEqual({
      mode: 'manageNone',
      reason: 'JOB-02: spec.template.spec.schedulingGroup is set (the Job brings its own PodGroup "mine")',
    });
  });

  it('JOB-01: manageNone with WorkloadWithJob off, checked first', () => {
    const gates = { ...allGatesOn('1.37'), WorkloadWithJob: false };
    expect(jobManagementMode(job(), gates)).toEqual({
      mode: 'manageNone',
      reason: 'JOB-01: the WorkloadWithJob feature gate is off, so the Job controller creates no Workload or PodGroup',
    });
    expect(jobManagementMode(job(), allGatesOn('1.37')).mode).toBe('manageBoth');
  });
});
