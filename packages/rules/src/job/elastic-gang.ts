// What a parallelism change does to a gang Job: the one place where the versions differ.
// 1.36: JobValidation admission refuses the change once a gang PodGroup exists (JOB-14), and the
// controller sets minCount = parallelism once and never updates it (JOB-15; Workload and PodGroup
// specs are immutable). 1.37: parallelism is mutable (JOB-14 retired) and on every sync of a root Job
// the controller recompiles the gang minCount (spec.scheduling's, else parallelism) and patches the
// Workload template and the PodGroup (JOB-27).

import type { Job, KubeVersion, PodGroup } from '@kubectl-workload/api';
import { controllerRefOf, nameOf } from '@kubectl-workload/api';
import { compiledSchedulingPolicy137 } from './expected-objects-1-37.js';

/** JOB-14: whether the API server refuses a parallelism change of a Job with a gang PodGroup. */
export function parallelismLocked(version: KubeVersion): boolean {
  return version === '1.36';
}

/** The gang minCount the Job controller wants for the Job now, or undefined when it wants none (Basic). */
function desiredMinCount(job: Job, version: KubeVersion): number | undefined {
  if (version === '1.36') return job.spec?.parallelism ?? 1;
  return compiledSchedulingPolicy137(job).gang?.minCount;
}

/**
 * A note when the Job's PodGroup has a gang minCount other than the one the Job now asks for: under
 * 1.36 it stays (JOB-15, and with parallelism below it the gang never gathers); under 1.37 the
 * controller patches it on its next sync (JOB-27; root Jobs only, a delegated Job follows its
 * parent's template, JOB-28).
 */
export function elasticGangNote(job: Job, podGroup: PodGroup, version: KubeVersion): { note: string; ref: string } | undefined {
  const current = podGroup.spec?.schedulingPolicy?.gang?.minCount;
  const desired = desiredMinCount(job, version);
  if (current === undefined || desired === undefined || desired === current) return undefined;
  const group = `PodGroup "${nameOf(podGroup)}"`;
  if (version === '1.37') {
    if (controllerRefOf(job)) return undefined;
    return {
      note: `${group} has gang minCount ${current}, the Job asks for ${desired}: the v1.37 Job controller patches it and its Workload template on the next sync (JOB-27)`,
      ref: 'JOB-27',
    };
  }
  const stuck =
    desired < current ? `; only ${desired} pods run at once, so the gang never gathers ${current}: recreate the Job to resize it` : '';
  return {
    note: `spec.parallelism is ${desired} but ${group} keeps gang minCount ${current}: the v1.36 Job controller never updates minCount after creating it (JOB-15)${stuck}`,
    ref: 'JOB-15',
  };
}
