// Link 1 for a Job: does the v1.36 Job controller gang-schedule it (api-rules JOB-02/03, JOB-13),
// and is its parallelism now locked (JOB-14)?

import { nameOf, namespaceOf } from '@kubectl-workload/api';
import { controllerRefOf, isControlledByJob, jobGangQualification, parallelismLocked } from '@kubectl-workload/rules';
import { broken, ok, warning, type LinkCheck } from '../model.js';
import { allBound, inNamespace, label } from './objects.js';

export const jobLink: LinkCheck = (walk, input) => {
  const job = walk.job;
  if (!job || walk.workload || walk.podGroup) return undefined;
  const namespace = namespaceOf(job);
  const byo = job.spec?.template?.spec?.schedulingGroup?.podGroupName;
  if (byo) {
    return {
      result: ok(
        'job',
        `Job ${label(job)} names PodGroup "${byo}" in its pod template; the Job controller leaves it alone`,
        [],
        ['JOB-13'],
      ),
      walk: { ...walk, podGroupName: byo },
    };
  }
  const qualification = jobGangQualification(job, inNamespace(input.state.pods, namespace));
  if (!qualification.qualifies) {
    const summary = `Job ${label(job)} does not qualify for gang scheduling: the Job controller creates no Workload or PodGroup and its pods are scheduled one by one`;
    const fix =
      'recreate the Job with spec.completionMode: Indexed and spec.completions equal to spec.parallelism (greater than 1), ' +
      'or point spec.template.spec.schedulingGroup.podGroupName at a PodGroup you create';
    // Its pods running one by one is what a plain Job does: nothing is stuck.
    const pods = inNamespace(input.state.pods, namespace).filter(
      (p) => controllerRefOf(p)?.kind === 'Job' && controllerRefOf(p)?.name === nameOf(job),
    );
    if (allBound(pods))
      return { result: warning('job', summary, fix, qualification.reasons, ['JOB-02', 'JOB-13']), walk: { namespace: walk.namespace } };
    return { result: broken('job', summary, fix, qualification.reasons, ['JOB-02', 'JOB-13']), walk };
  }
  const lockedBy = parallelismLocked(input.setup?.kubeVersion ?? '1.36')
    ? inNamespace(input.state.podGroups, namespace).find((g) => g.spec?.schedulingPolicy?.gang && isControlledByJob(g, job))
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
};
