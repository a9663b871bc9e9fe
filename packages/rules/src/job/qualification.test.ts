import type { Job, Pod } from '@kubectl-workload/api';
import { jobGangQualification, jobPodsAtOnce } from './qualification.js';

const gangJob = (spec: Job['spec'] = {}, status: Job['status'] = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'train', namespace: 'ns', uid: 'job-uid' },
  spec: { parallelism: 4, completions: 4, completionMode: 'Indexed', template: { spec: { containers: [] } }, ...spec },
  status,
});

const podOf = (uid: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'p',
    namespace: 'ns',
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid, controller: true }],
  },
});

describe('jobGangQualification (JOB-02/JOB-03)', () => {
  it('qualifies a new Indexed Job with completions == parallelism > 1', () => {
    expect(jobGangQualification(gangJob())).toEqual({ qualifies: true, createsObjects: true, reasons: [] });
  });

  it.each<[string, Job['spec'], string]>([
    [
      'parallelism unset',
      { parallelism: undefined, completions: undefined },
      'JOB-02: spec.parallelism is not set (it must be greater than 1)',
    ],
    ['parallelism 1', { parallelism: 1, completions: 1 }, 'JOB-02: spec.parallelism is 1 (it must be greater than 1)'],
    ['NonIndexed', { completionMode: 'NonIndexed' }, 'JOB-02: spec.completionMode is "NonIndexed" (it must be "Indexed")'],
    ['completionMode unset', { completionMode: undefined }, 'JOB-02: spec.completionMode is not set (it must be "Indexed")'],
    ['completions unset', { completions: undefined }, 'JOB-02: spec.completions is not set (it must equal spec.parallelism)'],
    ['completions differ', { completions: 8 }, 'JOB-02: spec.completions (8) differs from spec.parallelism (4)'],
    [
      'schedulingGroup set',
      { template: { spec: { schedulingGroup: { podGroupName: 'mine' } } } },
      'JOB-02: spec.template.spec.schedulingGroup is set (the Job uses a PodGroup of its own choosing)',
    ],
  ])('does not qualify with %s', (_name, spec, reason) => {
    const q = jobGangQualification(gangJob(spec));
    expect(q.qualifies).toBe(false);
    expect(q.createsObjects).toBe(false);
    expect(q.reasons).toContain(reason);
  });

  it.each<[string, Job['status'], string]>([
    ['started', { startTime: '2026-01-01T00:00:00Z' }, 'JOB-03: status.startTime is set (the Job has already started)'],
    ['succeeded pods', { succeeded: 2 }, 'JOB-03: status.succeeded is 2 (it must be 0)'],
    ['failed pods', { failed: 1 }, 'JOB-03: status.failed is 1 (it must be 0)'],
    [
      'suspended once',
      { conditions: [{ type: 'Suspended', status: 'False' }] },
      'JOB-03: status.conditions has a Suspended condition (a Job suspended once never gets a Workload)',
    ],
  ])('qualifies but creates nothing when %s', (_name, status, reason) => {
    expect(jobGangQualification(gangJob({}, status))).toEqual({ qualifies: true, createsObjects: false, reasons: [reason] });
  });

  it('qualifies but creates nothing for a Job created suspended', () => {
    expect(jobGangQualification(gangJob({ suspend: true }))).toEqual({
      qualifies: true,
      createsObjects: false,
      reasons: ['JOB-03: spec.suspend is true (a Job suspended once never gets a Workload, even after it resumes)'],
    });
  });

  it('counts only pods the Job controls', () => {
    expect(jobGangQualification(gangJob(), [podOf('someone-else')]).createsObjects).toBe(true);
    expect(jobGangQualification(gangJob(), [podOf('job-uid'), podOf('job-uid')])).toEqual({
      qualifies: true,
      createsObjects: false,
      reasons: ['JOB-03: the Job already has 2 pods (only new Jobs get a Workload)'],
    });
  });

  it('counts the pods a Job runs at once', () => {
    expect(jobPodsAtOnce(gangJob())).toBe(4);
    expect(jobPodsAtOnce(gangJob({ parallelism: 8, completions: 3 }))).toBe(3);
    expect(jobPodsAtOnce(gangJob({ parallelism: undefined, completions: undefined }))).toBe(1);
  });
});
