import { workloadNameForJob } from '../../job/names.js';
import { expectRule } from '../../test-support/expect-rule.js';
import { job } from './test-support/objects.js';

describe('X-20 Job gang-scheduling preview', () => {
  it('tells a qualifying Job which Workload it gets and that parallelism locks', async () => {
    const j = job();
    await expectRule('X-20', j).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message: `Job "train" qualifies for gang scheduling (JOB-02): the Job controller creates Workload "${workloadNameForJob(j)}" with one gang template "train-pgt-0" (minCount 4) and a PodGroup from it; spec.parallelism can then no longer be changed (JOB-14)`,
      },
    ]);
  });

  it('names the Workload by pattern when the Job has no UID yet', async () => {
    await expectRule('X-20', job({}, { uid: undefined })).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" qualifies for gang scheduling (JOB-02): the Job controller creates Workload "train-<hash of the Job UID>" with one gang template "train-pgt-0" (minCount 4) and a PodGroup from it; spec.parallelism can then no longer be changed (JOB-14)',
      },
    ]);
  });

  it('explains why a parallel Job is not gang-scheduled', async () => {
    await expectRule('X-20', job({ completionMode: 'NonIndexed' })).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" runs 4 pods in parallel without gang scheduling: JOB-02: spec.completionMode is "NonIndexed" (it must be "Indexed")',
      },
    ]);
  });

  it('tells a Job created suspended that it never gets a Workload', async () => {
    await expectRule('X-20', job({ suspend: true })).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" qualifies for gang scheduling but gets no Workload: JOB-03: spec.suspend is true (a Job suspended once never gets a Workload, even after it resumes)',
      },
    ]);
  });

  it('stays quiet for serial Jobs and needs WorkloadWithJob', async () => {
    await expectRule('X-20', job({ parallelism: 1, completions: 1 })).toPass();
    await expectRule('X-20', job(), { gates: { WorkloadWithJob: false } }).toPass();
  });

  it('is an info finding', async () => {
    const { findingsOf } = await import('../../test-support/expect-rule.js');
    expect((await findingsOf('X-20', job())).map((f) => f.severity)).toEqual(['info']);
  });
});
