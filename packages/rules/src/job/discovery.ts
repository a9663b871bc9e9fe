// How the Job controller finds the Workload and PodGroup it already made for a Job (api-rules
// JOB-10/JOB-11 for 1.36, api-rules-1.37 JOB-10/JOB-11/JOB-28 for 1.37), with its exact log and
// error texts. Only objects in the Job's namespace are passed in.

import { controllerRefOf, nameOf, namespaceOf, splitApiVersion } from '@kubectl-workload/api';
import type { Job, KubeVersion, PodGroup, PodGroup137, Workload } from '@kubectl-workload/api';
import { isControlledByJob } from './ownership.js';

export type WorkloadDiscovery =
  /** None usable: the controller creates one for a new Job (JOB-03). `ignored`: 1.37 matches not controlled by the Job. */
  | { readonly outcome: 'none'; readonly ignored: readonly Workload[] }
  | { readonly outcome: 'found'; readonly workload: Workload }
  /**
   * The Job's pods are scheduled without a PodGroup. `several`: more than one match (logged as
   * `message`); 1.36 only: `not-controlled` (a BYO Workload) or `templates` (not exactly one template).
   */
  | {
      readonly outcome: 'fallback';
      readonly why: 'several' | 'not-controlled' | 'templates';
      readonly workloads: readonly Workload[];
      readonly message?: string;
    }
  /** 1.37: the sync fails with `message` and the Job is requeued; it gets no pods until that is fixed. */
  | { readonly outcome: 'error'; readonly workload: Workload; readonly message: string };

function referencesJob(workload: Workload, job: Job): boolean {
  const ref = workload.spec?.controllerRef;
  return ref?.apiGroup === 'batch' && ref.kind === 'Job' && ref.name === nameOf(job);
}

const jobKey = (job: Job): string => `${namespaceOf(job)}/${nameOf(job)}`;

/** `found N Workloads referencing Job ns/name, falling back to default scheduling` (JOB-10, both versions). */
function several(job: Job, workloads: readonly Workload[]): WorkloadDiscovery {
  return {
    outcome: 'fallback',
    why: 'several',
    workloads,
    message: `found ${workloads.length} Workloads referencing Job ${jobKey(job)}, falling back to default scheduling`,
  };
}

/**
 * JOB-10: the index on spec.controllerRef (batch/Job/name). 1.36 falls back on a single match it
 * cannot use; 1.37 ignores Workloads the Job does not control and fails the sync when its own does
 * not have exactly one pod group template.
 */
export function discoverJobWorkload(job: Job, workloads: readonly Workload[], version: KubeVersion): WorkloadDiscovery {
  const referencing = workloads.filter((w) => referencesJob(w, job));
  const candidates = version === '1.37' ? referencing.filter((w) => isControlledByJob(w, job)) : referencing;
  const ignored = referencing.filter((w) => !candidates.includes(w));
  const [workload] = candidates;
  if (!workload) return { outcome: 'none', ignored };
  if (candidates.length > 1) return several(job, candidates);
  const count = workload.spec?.podGroupTemplates?.length ?? 0;
  if (version === '1.37') {
    if (count === 1) return { outcome: 'found', workload };
    const message = `workload ${namespaceOf(workload)}/${nameOf(workload)} for job ${jobKey(job)} has ${count} PodGroupTemplates, want exactly 1`;
    return { outcome: 'error', workload, message };
  }
  if (!isControlledByJob(workload, job)) return { outcome: 'fallback', why: 'not-controlled', workloads: [workload] };
  if (count !== 1) return { outcome: 'fallback', why: 'templates', workloads: [workload] };
  return { outcome: 'found', workload };
}

export type PodGroupDiscovery =
  | { readonly outcome: 'none' }
  | { readonly outcome: 'found'; readonly podGroup: PodGroup }
  | { readonly outcome: 'fallback'; readonly podGroups: readonly PodGroup[]; readonly message: string };

/**
 * JOB-11 (1.37): the index on spec.workloadRef.workloadName, filtered to PodGroups the Job controls
 * (a delegated Job shares its owner's Workload with its siblings, JOB-28, so the filter matters).
 */
export function discoverJobPodGroup137(job: Job, workload: Workload, podGroups: readonly PodGroup[]): PodGroupDiscovery {
  const mine = podGroups.filter(
    (g) => (g as PodGroup137).spec?.workloadRef?.workloadName === nameOf(workload) && isControlledByJob(g, job),
  );
  const [podGroup] = mine;
  if (!podGroup) return { outcome: 'none' };
  if (mine.length === 1) return { outcome: 'found', podGroup };
  const message = `found ${mine.length} PodGroups referencing Workload ${namespaceOf(workload)}/${nameOf(workload)}, falling back to default scheduling`;
  return { outcome: 'fallback', podGroups: mine, message };
}

/**
 * JOB-28: a delegated Job's parent Workload: the one whose spec.controllerRef names the Job's
 * controller (apiGroup from its apiVersion, kind, name).
 */
export function parentWorkloadOfJob(job: Job, workloads: readonly Workload[]): Workload | undefined {
  const owner = controllerRefOf(job);
  if (!owner) return undefined;
  const group = splitApiVersion(owner.apiVersion).group;
  return workloads.find((w) => {
    const ref = w.spec?.controllerRef;
    return (ref?.apiGroup ?? '') === group && ref?.kind === owner.kind && ref.name === owner.name;
  });
}
