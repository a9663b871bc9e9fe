// Link 1 for a Job: does the Job controller manage a Workload and PodGroup for it, by the rules of
// the cluster's version: the v1.36 gang qualification (api-rules JOB-02/03, JOB-13) and parallelism
// lock (JOB-14), or the v1.37 management mode (api-rules-1.37 JOB-02, JOB-06, JOB-13, JOB-28).

import { nameOf, namespaceOf, type Job } from '@kubectl-workload/api';
import {
  compiledSchedulingPolicy137,
  controllerRefOf,
  GROUP_TEMPLATE_NAME_ANNOTATION,
  isControlledByJob,
  jobControllerPlan,
  parallelismLocked,
  type JobControllerPlan,
} from '@kubectl-workload/rules';
import { broken, ok, warning, type ExplainInput, type LinkCheck, type LinkOutcome, type Walk } from '../model.js';
import { allBound, explainKubeVersion, inNamespace, label, templatePolicyText } from './objects.js';

/** A Job the controller leaves alone: a warning while its pods run (a plain Job), else where the chain stops. */
function unmanaged(walk: Walk, job: Job, input: ExplainInput, summary: string, fix: string, plan: JobControllerPlan): LinkOutcome {
  const refs = ['JOB-02', 'JOB-13'];
  // Its pods running one by one is what a plain Job does: nothing is stuck.
  const pods = inNamespace(input.state.pods, namespaceOf(job)).filter(
    (p) => controllerRefOf(p)?.kind === 'Job' && controllerRefOf(p)?.name === nameOf(job),
  );
  if (allBound(pods)) return { result: warning('job', summary, fix, plan.reasons, refs), walk: { namespace: walk.namespace } };
  return { result: broken('job', summary, fix, plan.reasons, refs), walk };
}

function job136(walk: Walk, job: Job, input: ExplainInput, plan: JobControllerPlan): LinkOutcome {
  if (plan.mode === 'manageNone') {
    return unmanaged(
      walk,
      job,
      input,
      `Job ${label(job)} does not qualify for gang scheduling: the Job controller creates no Workload or PodGroup and its pods are scheduled one by one`,
      'recreate the Job with spec.completionMode: Indexed and spec.completions equal to spec.parallelism (greater than 1), ' +
        'or point spec.template.spec.schedulingGroup.podGroupName at a PodGroup you create',
      plan,
    );
  }
  const lockedBy = parallelismLocked(plan.version)
    ? inNamespace(input.state.podGroups, namespaceOf(job)).find((g) => g.spec?.schedulingPolicy?.gang && isControlledByJob(g, job))
    : undefined;
  const details = lockedBy
    ? [`spec.parallelism is locked: cannot change parallelism for a Job referencing gang-scheduled PodGroup "${nameOf(lockedBy)}" (JOB-14)`]
    : [];
  return {
    // JOB-03 (only new Jobs get objects) matters only when no Workload exists: the workload link says so.
    result: ok(
      'job',
      `Job ${label(job)} qualifies for gang scheduling (parallelism ${job.spec?.parallelism ?? 0}, Indexed)`,
      details,
      lockedBy ? ['JOB-02', 'JOB-14'] : ['JOB-02'],
    ),
    walk,
  };
}

function job137(walk: Walk, job: Job, input: ExplainInput, plan: JobControllerPlan): LinkOutcome {
  const owner = controllerRefOf(job);
  if (plan.mode === 'manageNone') {
    const by = owner ? `${owner.kind} "${owner.name}"` : 'its owner';
    return unmanaged(
      walk,
      job,
      input,
      `Job ${label(job)} is controlled by ${by}: the v1.37 Job controller leaves its scheduling to the owner (manageNone), creates no Workload or PodGroup, and its pods are scheduled one by one`,
      `have ${by} delegate one of its Workload's templates through the ${GROUP_TEMPLATE_NAME_ANNOTATION} annotation (JOB-28), ` +
        'or point spec.template.spec.schedulingGroup.podGroupName at a PodGroup you create',
      plan,
    );
  }
  if (plan.mode === 'managePodGroupOnly') {
    const template = job.metadata?.annotations?.[GROUP_TEMPLATE_NAME_ANNOTATION] ?? '';
    return {
      result: ok(
        'job',
        `Job ${label(job)} is delegated by ${owner?.kind ?? ''} "${owner?.name ?? ''}": the Job controller creates only its PodGroup, from template "${template}" of the owner's Workload (managePodGroupOnly)`,
        [],
        ['JOB-02', 'JOB-28'],
      ),
      walk,
    };
  }
  return {
    // JOB-03 (only new Jobs get objects) matters only when no Workload exists: the workload link says so.
    result: ok(
      'job',
      `Job ${label(job)} is a root Job: the v1.37 Job controller gives it a Workload and a PodGroup (manageBoth, ${templatePolicyText(compiledSchedulingPolicy137(job))})`,
      [],
      ['JOB-02', 'JOB-06'],
    ),
    walk,
  };
}

export const jobLink: LinkCheck = (walk, input) => {
  const job = walk.job;
  if (!job || walk.workload || walk.podGroup) return undefined;
  const byo = job.spec?.template?.spec?.schedulingGroup?.podGroupName;
  const version = explainKubeVersion(input);
  if (byo) {
    return {
      result: ok(
        'job',
        `Job ${label(job)} names PodGroup "${byo}" in its pod template; the Job controller leaves it alone`,
        [],
        version === '1.37' ? ['JOB-02', 'JOB-13'] : ['JOB-13'],
      ),
      walk: { ...walk, podGroupName: byo },
    };
  }
  const plan = jobControllerPlan(job, version, { pods: inNamespace(input.state.pods, namespaceOf(job)) });
  return version === '1.37' ? job137(walk, job, input, plan) : job136(walk, job, input, plan);
};
