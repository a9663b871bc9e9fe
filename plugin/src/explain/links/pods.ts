// Link 4: enough pods exist. A gang's pods wait at PreEnqueue until minCount of them exist
// (scheduler.md §1.1), and nothing reports it; say how many are missing and who should create them,
// and whether the Job's parallelism still matches the gang's minCount (JOB-15 / JOB-27).

import { namespaceOf, nameOf, type Job, type Pod, type PodGroup } from '@kubectl-workload/api';
import { controllerRefOf, elasticGangNote, isControlledByJob, jobPodsAtOnce } from '@kubectl-workload/rules';
import { broken, ok, type ExplainInput, type LinkCheck } from '../model.js';
import { controllerLabel, label, named, plural, podsNaming } from './objects.js';

/** The Job behind a PodGroup: the one on the walk, else its controller if that is a Job. */
function owningJob(group: PodGroup, walkJob: Job | undefined, input: ExplainInput): Job | undefined {
  if (walkJob) return walkJob;
  const ref = controllerRefOf(group);
  if (ref?.kind !== 'Job') return undefined;
  const job = named(input.state.jobs, namespaceOf(group), ref.name);
  return job && isControlledByJob(group, job) ? job : undefined;
}

function whoCreatesTheRest(group: PodGroup, pods: readonly Pod[], missing: number, job: Job | undefined): string {
  if (job) {
    if (job.spec?.suspend)
      return `Job ${label(job)} is suspended: resume it (spec.suspend: false) so it creates the remaining ${plural(missing, 'pod')}`;
    const atOnce = jobPodsAtOnce(job);
    return (
      `Job ${label(job)} should create ${missing} more (it runs ${atOnce} at once, ${job.status?.active ?? 0} active): ` +
      'look for FailedCreate events on the Job (quota, LimitRange, admission webhooks, pod security)'
    );
  }
  const owners = [...new Set(pods.map(controllerLabel).filter((o): o is string => o !== undefined))];
  if (owners.length > 0) return `${owners.join(', ')} should create ${missing} more; check its events and status`;
  return `nothing in the cluster owns these pods: create ${missing} more with spec.schedulingGroup.podGroupName: ${nameOf(group)}`;
}

export const podsLink: LinkCheck = (walk, input) => {
  const group = walk.podGroup;
  if (!group) return undefined;
  const pods = podsNaming(input.state.pods, group);
  const next = { ...walk, pods };
  const minCount = group.spec?.schedulingPolicy?.gang?.minCount;
  const job = owningJob(group, walk.job, input);
  const elastic = job && elasticGangNote(job, group, input.setup?.kubeVersion ?? '1.36');
  const notes = elastic ? [elastic.note] : [];
  const refs = elastic ? [elastic.ref] : [];
  if (pods.length === 0) {
    return {
      result: broken(
        'pods',
        `no pod names PodGroup ${label(group)} in spec.schedulingGroup.podGroupName`,
        whoCreatesTheRest(group, pods, minCount ?? 1, job),
        notes,
        refs,
      ),
      walk: next,
    };
  }
  if (minCount !== undefined && pods.length < minCount) {
    const missing = minCount - pods.length;
    return {
      result: broken(
        'pods',
        `${pods.length} of minCount ${minCount} pods exist: the scheduler holds them at PreEnqueue (waiting for minCount pods from a gang to appear in scheduling queue)`,
        whoCreatesTheRest(group, pods, missing, job),
        [...notes, ...pods.map((p) => `${nameOf(p)} ${p.status?.phase ?? 'Pending'}`)],
        ['X-19', ...refs],
      ),
      walk: next,
    };
  }
  const need = minCount === undefined ? 'basic policy, no minimum' : `minCount ${minCount}`;
  return { result: ok('pods', `${plural(pods.length, 'pod')} name the PodGroup (${need})`, notes, refs), walk: next };
};
