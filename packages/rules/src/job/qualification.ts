// Whether the v1.36 Job controller gives a Job a Workload and a PodGroup (api-rules JOB-02, JOB-03).

import type { Job, Pod } from '@kubectl-workload/api';
import { isControlledByJob } from './ownership.js';

export interface JobGangQualification {
  /** JOB-02: the Job is a gang-scheduling candidate. */
  qualifies: boolean;
  /** JOB-02 and JOB-03: the controller would create a Workload and a PodGroup for it now. */
  createsObjects: boolean;
  /** Every failing JOB-02/JOB-03 condition in words, each prefixed with its rule id. */
  reasons: string[];
}

function candidateFailures(job: Job): string[] {
  const spec = job.spec ?? {};
  const out: string[] = [];
  const { parallelism, completions } = spec;
  if (parallelism === undefined) out.push('JOB-02: spec.parallelism is not set (it must be greater than 1)');
  else if (parallelism <= 1) out.push(`JOB-02: spec.parallelism is ${parallelism} (it must be greater than 1)`);
  // The controller reads the field as given: unset is not Indexed (the API server would default NonIndexed).
  if (spec.completionMode !== 'Indexed') {
    out.push(
      `JOB-02: spec.completionMode is ${spec.completionMode === undefined ? 'not set' : JSON.stringify(spec.completionMode)} (it must be "Indexed")`,
    );
  }
  if (completions === undefined) out.push('JOB-02: spec.completions is not set (it must equal spec.parallelism)');
  else if (completions !== parallelism) {
    out.push(`JOB-02: spec.completions (${completions}) differs from spec.parallelism (${parallelism ?? 'not set'})`);
  }
  if (spec.template?.spec?.schedulingGroup !== undefined) {
    out.push('JOB-02: spec.template.spec.schedulingGroup is set (the Job uses a PodGroup of its own choosing)');
  }
  return out;
}

/**
 * JOB-03 (1.36 and 1.37 alike, `isNewJob`): why the Job is no longer new, so the controller only
 * discovers objects for it and creates none. `pods`: any pods of the namespace; the Job's own count.
 */
export function jobStartedReasons(job: Job, pods: readonly Pod[] = []): string[] {
  const status = job.status ?? {};
  const out: string[] = [];
  const owned = pods.filter((pod) => isControlledByJob(pod, job)).length;
  if (owned) out.push(`JOB-03: the Job already has ${owned} pod${owned === 1 ? '' : 's'} (only new Jobs get a Workload)`);
  if (status.startTime) out.push('JOB-03: status.startTime is set (the Job has already started)');
  if (status.succeeded) out.push(`JOB-03: status.succeeded is ${status.succeeded} (it must be 0)`);
  if (status.failed) out.push(`JOB-03: status.failed is ${status.failed} (it must be 0)`);
  // A Job created suspended gets its Suspended condition before any pod: it never gets a Workload.
  if (job.spec?.suspend === true)
    out.push('JOB-03: spec.suspend is true (a Job suspended once never gets a Workload, even after it resumes)');
  if (status.conditions?.some((c) => c.type === 'Suspended')) {
    out.push('JOB-03: status.conditions has a Suspended condition (a Job suspended once never gets a Workload)');
  }
  return out;
}

/**
 * JOB-02/JOB-03 for a Job as the controller sees it. `pods` may be any pods of the namespace: only
 * those controlled by the Job count. Feature gates (JOB-01) are the caller's concern.
 */
export function jobGangQualification(job: Job, pods: readonly Pod[] = []): JobGangQualification {
  const candidate = candidateFailures(job);
  const started = jobStartedReasons(job, pods);
  return {
    qualifies: candidate.length === 0,
    createsObjects: candidate.length === 0 && started.length === 0,
    reasons: [...candidate, ...started],
  };
}

/** How many pods of the Job run at once: min(parallelism, completions), parallelism defaulting to 1. */
export function jobPodsAtOnce(job: Job): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  return completions === undefined ? parallelism : Math.min(parallelism, completions);
}
