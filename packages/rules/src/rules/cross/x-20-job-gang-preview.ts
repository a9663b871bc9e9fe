import { controllerRefOf, goQuote } from '@kubectl-workload/api';
import type { Job, PodGroupSchedulingPolicy, Workload137 } from '@kubectl-workload/api';
import { jobControllerPlan } from '../../job/controller.js';
import { expectedWorkloadForJob } from '../../job/expected-objects.js';
import { GROUP_TEMPLATE_NAME_ANNOTATION } from '../../job/management-1-37.js';
import { jobGangQualification } from '../../job/qualification.js';
import type { Job137 } from '../v137/job-1-37.js';
import { defineRule } from '../../rule.js';

/** The Workload's name; without a UID (a manifest) its hash part is not known yet (JOB-04). */
function workloadNameText(job: Job, name: string | undefined): string {
  return job.metadata?.uid ? goQuote(name ?? '') : `"${job.metadata?.name ?? ''}-<hash of the Job UID>"`;
}

function gangPreview(job: Job): string | undefined {
  const name = job.metadata?.name ?? '';
  const { qualifies, createsObjects, reasons } = jobGangQualification(job);
  if (createsObjects) {
    const workload = expectedWorkloadForJob(job);
    const template = workload?.spec?.podGroupTemplates?.[0];
    return (
      `Job ${goQuote(name)} qualifies for gang scheduling (JOB-02): the Job controller creates Workload ${workloadNameText(job, workload?.metadata?.name)} ` +
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

/** `one basic template "t"`, or a gang's, saying when its minCount follows parallelism (JOB-27). */
function templateText(job: Job, templateName: string, policy: PodGroupSchedulingPolicy | undefined): string {
  if (!policy?.gang) return `one basic template ${goQuote(templateName)}`;
  const follows =
    (job as Job137).spec?.scheduling?.schedulingPolicy?.gang?.minCount === undefined
      ? ' from spec.parallelism, updated when it changes: JOB-27'
      : '';
  return `one gang template ${goQuote(templateName)} (minCount ${policy.gang.minCount}${follows})`;
}

/** The 1.37 Job controller: every root Job gets a Workload, basic included (JOB-02 management mode). */
function preview137(job: Job): string | undefined {
  const name = goQuote(job.metadata?.name ?? '');
  const plan = jobControllerPlan(job, '1.37');
  const owner = controllerRefOf(job);
  switch (plan.mode) {
    case 'manageBoth': {
      if (!plan.createsObjects) return `Job ${name} is a root Job but gets no Workload: ${plan.reasons.join('; ')}`;
      const workload = plan.workload as Workload137;
      const template = workload.spec?.podGroupTemplates?.[0];
      return (
        `Job ${name} is a root Job (JOB-02): the Job controller creates Workload ${workloadNameText(job, workload.metadata?.name)} ` +
        `with ${templateText(job, template?.name ?? '', template?.schedulingPolicy)} and a PodGroup from it (JOB-06)`
      );
    }
    case 'managePodGroupOnly':
      return (
        `Job ${name} is delegated by ${owner?.kind ?? ''} ${goQuote(owner?.name ?? '')} (JOB-02): the Job controller creates only its PodGroup, ` +
        `from template ${goQuote(job.metadata?.annotations?.[GROUP_TEMPLATE_NAME_ANNOTATION] ?? '')} of the owner's Workload (JOB-28)`
      );
    case 'manageNone':
      // A Job that names its own PodGroup needs no word; an owned one is told why it gets none.
      return owner ? `Job ${name} gets no Workload or PodGroup from the Job controller: ${plan.reasons.join('; ')}` : undefined;
  }
}

function previewRule(doc: string, preview: (job: Job) => string | undefined) {
  return defineRule<Job>({
    id: 'X-20',
    doc,
    severity: 'info',
    style: 'admission',
    kinds: ['Job'],
    operations: ['CREATE'],
    subResources: [''],
    gates: ['GenericWorkload', 'WorkloadWithJob'],
    check: ({ object }) => {
      const message = preview(object);
      return message ? [{ field: 'spec.parallelism', message }] : [];
    },
  });
}

/**
 * X-20 [PROPOSAL]: tells whether the Job controller will give a Job a Workload and PodGroup
 * (JOB-02/03) and that parallelism then locks (JOB-14). Admission-style only because the message is
 * free text; it is information, not a rejection.
 */
export const x20 = previewRule('Preview of whether a Job gets gang scheduling from the Job controller.', gangPreview);

/** X-20 under 1.37: the management mode (api-rules-1.37 JOB-02) and the compiled Workload (JOB-06) instead. */
export const x20v137 = previewRule(
  'Preview of the Workload and PodGroup the v1.37 Job controller makes for a Job (JOB-02 management mode).',
  preview137,
);
