import { goQuote } from '@kubectl-workload/api';
import type { Job } from '@kubectl-workload/api';
import { expectedWorkloadForJob } from '../../job/expected-objects.js';
import { jobGangQualification } from '../../job/qualification.js';
import { defineRule } from '../../rule.js';

function gangPreview(job: Job): string | undefined {
  const name = job.metadata?.name ?? '';
  const { qualifies, createsObjects, reasons } = jobGangQualification(job);
  if (createsObjects) {
    const workload = expectedWorkloadForJob(job);
    const template = workload?.spec?.podGroupTemplates?.[0];
    // Without a UID (a manifest) the hash part of the Workload name is not known yet (JOB-04).
    const workloadName = job.metadata?.uid ? goQuote(workload?.metadata?.name ?? '') : `"${name}-<hash of the Job UID>"`;
    return (
      `Job ${goQuote(name)} qualifies for gang scheduling (JOB-02): the Job controller creates Workload ${workloadName} ` +
      `with one gang template ${goQuote(template?.name ?? '')} (minCount ${template?.schedulingPolicy?.gang?.minCount}) and a PodGroup from it; ` +
      'spec.parallelism can then no longer be changed (JOB-14)'
    );
  }
  if (qualifies) return `Job ${goQuote(name)} qualifies for gang scheduling but gets no Workload: ${reasons.join('; ')}`;
  // Only Jobs that look meant to run in parallel are told why they are not gang-scheduled.
  const parallel = (job.spec?.parallelism ?? 1) > 1 && job.spec?.template?.spec?.schedulingGroup === undefined;
  return parallel
    ? `Job ${goQuote(name)} runs ${job.spec?.parallelism} pods in parallel without gang scheduling: ${reasons.join('; ')}`
    : undefined;
}

/**
 * X-20 [PROPOSAL]: tells whether the Job controller will give a Job a Workload and PodGroup
 * (JOB-02/03) and that parallelism then locks (JOB-14). Admission-style only because the message is
 * free text; it is information, not a rejection.
 */
export const x20 = defineRule<Job>({
  id: 'X-20',
  doc: 'Preview of whether a Job gets gang scheduling from the Job controller.',
  severity: 'info',
  style: 'admission',
  kinds: ['Job'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload', 'WorkloadWithJob'],
  check: ({ object }) => {
    const message = gangPreview(object);
    return message ? [{ field: 'spec.parallelism', message }] : [];
  },
});
