import type { Job } from '@kubectl-workload/api';
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

describe('X-20 under 1.37: the management mode (JOB-02) and the compiled Workload (JOB-06)', () => {
  const v137 = { kubeVersion: '1.37' as const };
  const basic = job({ parallelism: 2, completions: undefined, completionMode: undefined });

  it('tells a basic root Job, which 1.36 would not manage, that it gets a basic Workload', async () => {
    await expectRule('X-20', basic, v137).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message: `Job "train" is a root Job (JOB-02): the Job controller creates Workload "${workloadNameForJob(basic)}" with one basic template "train-pgt-0" and a PodGroup from it (JOB-06)`,
      },
    ]);
  });

  it('says a gang minCount left unset follows spec.parallelism (JOB-27)', async () => {
    const gang = job({ scheduling: { schedulingPolicy: { gang: {} } } } as Job['spec'], { uid: undefined });
    await expectRule('X-20', gang, v137).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" is a root Job (JOB-02): the Job controller creates Workload "train-<hash of the Job UID>" with one gang template "train-pgt-0" (minCount 4 from spec.parallelism, updated when it changes: JOB-27) and a PodGroup from it (JOB-06)',
      },
    ]);
  });

  it('tells a CronJob-owned Job it gets nothing, a delegated one where its PodGroup comes from, and a BYO one nothing', async () => {
    const cron = job({}, { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'c', controller: true }] });
    await expectRule('X-20', cron, v137).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" gets no Workload or PodGroup from the Job controller: JOB-02: the Job is controlled by CronJob "nightly" without the scheduling.k8s.io/group-template-name annotation (its owner decides how it is scheduled)',
      },
    ]);
    const delegated = job(
      {},
      {
        ownerReferences: [{ apiVersion: 'jobset.x-k8s.io/v1alpha2', kind: 'JobSet', name: 'js', uid: 'j', controller: true }],
        annotations: { 'scheduling.k8s.io/group-template-name': 'workers' },
      },
    );
    await expectRule('X-20', delegated, v137).toReport([
      {
        reason: 'Forbidden',
        field: 'spec.parallelism',
        message:
          'Job "train" is delegated by JobSet "js" (JOB-02): the Job controller creates only its PodGroup, from template "workers" of the owner\'s Workload (JOB-28)',
      },
    ]);
    const byo = job({ template: { spec: { containers: [], schedulingGroup: { podGroupName: 'mine' } } } });
    await expectRule('X-20', byo, v137).toPass();
  });
});
