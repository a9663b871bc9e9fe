import { goQuote, namespaceOf } from '@kubectl-workload/api';
import type { Job, ObjectLookup, PodGroup } from '@kubectl-workload/api';
import { isControlledByJob } from '../../job/ownership.js';
import { defineRule } from '../../rule.js';

const isGang = (pg: PodGroup | undefined): pg is PodGroup => pg?.spec?.schedulingPolicy?.gang !== undefined;

/**
 * The gang PodGroup that locks a Job's parallelism: the one its (old) template names, else any gang
 * PodGroup the Job controls. Upstream lets the update through when the lister fails; here lookup
 * failures propagate so the engine records them and the caller picks fail-open or fail-closed.
 */
async function lockingPodGroup(job: Job, oldJob: Job, lookup: ObjectLookup): Promise<string | undefined> {
  const namespace = namespaceOf(job);
  const named = oldJob.spec?.template?.spec?.schedulingGroup?.podGroupName;
  if (named && isGang(await lookup.getPodGroup(namespace, named))) return named;
  const controlled = (await lookup.podGroupsControlledBy(namespace, 'Job', job.metadata?.name ?? '')).find(
    (pg) => isGang(pg) && isControlledByJob(pg, job),
  );
  return controlled?.metadata?.name;
}

/**
 * JOB-14 (JobValidation admission, X-05): a Job tied to a gang PodGroup cannot change
 * `spec.parallelism`. Active when GenericWorkload OR WorkloadWithJob is on (rule.gates is AND-only,
 * so the OR is checked here; issue #140112 reports the OR as a bug).
 */
export const job14 = defineRule<Job>({
  id: 'JOB-14',
  doc: 'A Job referencing a gang-scheduled PodGroup cannot change spec.parallelism.',
  severity: 'error',
  style: 'admission',
  kinds: ['Job'],
  operations: ['UPDATE'],
  subResources: [''],
  readsGates: ['GenericWorkload', 'WorkloadWithJob'],
  crossObject: true,
  check: async ({ object, oldObject, gates, lookup }) => {
    if (!gates.GenericWorkload && !gates.WorkloadWithJob) return [];
    if (!oldObject || object.spec?.parallelism === oldObject.spec?.parallelism) return [];
    const podGroup = await lockingPodGroup(object, oldObject, lookup);
    if (podGroup === undefined) return [];
    return [
      {
        field: 'spec.parallelism',
        message: `cannot change parallelism for a Job referencing gang-scheduled PodGroup ${goQuote(podGroup)}`,
      },
    ];
  },
});
