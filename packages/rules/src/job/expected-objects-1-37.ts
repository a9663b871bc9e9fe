// The Workload and PodGroup the v1.37 Job controller creates (api-rules-1.37 JOB-06, JOB-07, JOB-09,
// JOB-28), compiled from the Job's `spec.scheduling` the way workloadbuilder does, as sent to the API
// server (before defaulting). Names and ownership are shared with 1.36 (JOB-04, JOB-05, JOB-08).

import { SCHEDULING_V1ALPHA3 } from '@kubectl-workload/api';
import type { Job, PodGroup137, PodGroupSchedulingPolicy, PodGroupTemplate137, Workload137 } from '@kubectl-workload/api';
import type { Job137 } from '../rules/v137/job-1-37.js';
import { podGroupTemplates } from '../rules/v137/template-tree.js';
import { podGroupMetadataForJob, workloadShellForJob } from './expected-objects.js';
import { podGroupTemplateNameForJob } from './names.js';

/**
 * The 1.37 Job controller talks to scheduling.k8s.io through its v1alpha3 client (JOBC37), so its
 * objects and the Workload ownerReference of JOB-09 say v1alpha3. UNVERIFIED for 1.37.0: the release
 * may have moved the controller to v1beta1 (api-rules-1.37 §11); this is the one place to change.
 */
export const JOB_CONTROLLER_API_VERSION_1_37 = SCHEDULING_V1ALPHA3;

/**
 * JOB-07: the Warning event reasons the Job controller records on the Job when it cannot make the
 * Workload (`Failed to compile Workload for Job <job>: <err>`, `Failed to create Workload for Job <job>: <err>`).
 */
export const WORKLOAD_FAILURE_EVENT_REASONS: readonly string[] = ['FailedWorkloadCompilation', 'FailedWorkloadCreate'];

/**
 * JOB-06 resolution, controller-side and never written back: no spec.scheduling or no policy →
 * `basic: {}`; a gang without minCount → parallelism (unset: the API default 1) clamped to at least 1.
 */
export function compiledSchedulingPolicy137(job: Job): PodGroupSchedulingPolicy {
  const policy = (job as Job137).spec?.scheduling?.schedulingPolicy;
  if (!policy?.gang) return { basic: {} };
  return { gang: { minCount: policy.gang.minCount ?? Math.max(job.spec?.parallelism ?? 1, 1) } };
}

/** JOB-06: the one template of the Job's Workload: constraints, disruptionMode and claims copied if set, not defaulted. */
function compiledTemplate(job: Job): PodGroupTemplate137 {
  const scheduling = (job as Job137).spec?.scheduling;
  const priorityClassName = job.spec?.template?.spec?.priorityClassName;
  return {
    name: podGroupTemplateNameForJob(job),
    schedulingPolicy: compiledSchedulingPolicy137(job),
    ...(scheduling?.schedulingConstraints ? { schedulingConstraints: structuredClone(scheduling.schedulingConstraints) } : {}),
    ...(scheduling?.disruptionMode ? { disruptionMode: structuredClone(scheduling.disruptionMode) } : {}),
    ...(scheduling?.resourceClaims ? { resourceClaims: structuredClone(scheduling.resourceClaims) } : {}),
    ...(priorityClassName ? { priorityClassName } : {}),
  };
}

/**
 * JOB-06/07: the Workload of a root (manageBoth) Job, Basic included: controller ownerReference and
 * spec.controllerRef to the Job, one compiled template. Whether a managed-by annotation is added is
 * UNVERIFIED (none here). The name is informative without a UID (JOB-04).
 */
export function expectedWorkloadForJob137(job: Job): Workload137 {
  return workloadShellForJob(job, JOB_CONTROLLER_API_VERSION_1_37, compiledTemplate(job));
}

/**
 * JOB-09 (root Job, `workload` its own) and JOB-28 (delegated Job, `workload` its owner's, `templateName`
 * from the annotation): the template's fields copied into spec with `workloadRef`; a controller
 * ownerReference to the Job, plus a Workload reference for a root Job only. Undefined when the
 * Workload has no such template.
 */
export function expectedPodGroupForJob137(job: Job, workload: Workload137, delegated?: { templateName: string }): PodGroup137 | undefined {
  // A delegated template may sit under composite templates of the owner's Workload.
  const template = delegated
    ? podGroupTemplates(workload.spec).find((l) => l.template.name === delegated.templateName)?.template
    : workload.spec?.podGroupTemplates?.[0];
  if (!template) return undefined;
  const { name: templateName = '', ...fields } = structuredClone(template);
  return {
    apiVersion: JOB_CONTROLLER_API_VERSION_1_37,
    kind: 'PodGroup',
    metadata: podGroupMetadataForJob(job, { ...workload, apiVersion: JOB_CONTROLLER_API_VERSION_1_37 }, templateName, !delegated),
    spec: { workloadRef: { workloadName: workload.metadata?.name ?? '', templateName }, ...fields },
  };
}
