// The Workload and PodGroup the v1.36 Job controller creates for a gang-qualified Job (api-rules
// JOB-06, JOB-07, JOB-09), and the link its pods carry to them (JOB-12), as it sends them to the API
// server (before defaulting). The metadata both versions share (JOB-07, JOB-09) is built here too;
// the 1.37 compilation is in expected-objects-1-37.ts.

import { SCHEDULING_API_VERSION } from '@kubectl-workload/api';
import type { Job, KubeObject, OwnerReference, PodGroup, TypedLocalObjectReference, Workload } from '@kubectl-workload/api';
import { podGroupNameFor, podGroupTemplateNameForJob, workloadNameForJob } from './names.js';
import { jobControllerRef } from './ownership.js';
import { jobGangQualification } from './qualification.js';

function namespaceField(job: Job): { namespace?: string } {
  const namespace = job.metadata?.namespace;
  return namespace ? { namespace } : {};
}

/** JOB-07 (both versions): a Workload in the Job's namespace, controlled by it, naming it in spec.controllerRef. */
export function workloadShellForJob<Template>(
  job: Job,
  apiVersion: string,
  template: Template,
): KubeObject & { spec: { controllerRef: TypedLocalObjectReference; podGroupTemplates: Template[] } } {
  return {
    apiVersion,
    kind: 'Workload',
    metadata: { name: workloadNameForJob(job), ...namespaceField(job), ownerReferences: [jobControllerRef(job)] },
    spec: { controllerRef: { apiGroup: 'batch', kind: 'Job', name: job.metadata?.name ?? '' }, podGroupTemplates: [template] },
  };
}

/**
 * JOB-08/09 (both versions): the PodGroup's name and ownerReferences. Besides its controller, the Job,
 * a PodGroup of the Job's own Workload names that Workload too; that reference is not a controller
 * and does not block deletion. A delegated 1.37 PodGroup (JOB-28) has no Workload reference.
 */
export function podGroupMetadataForJob(
  job: Job,
  workload: KubeObject,
  templateName: string,
  workloadOwnerRef: boolean,
): NonNullable<KubeObject['metadata']> {
  const workloadName = workload.metadata?.name ?? '';
  const workloadRef = { apiVersion: workload.apiVersion ?? '', kind: 'Workload', name: workloadName, uid: workload.metadata?.uid ?? '' };
  return {
    name: podGroupNameFor(workloadName, templateName),
    ...namespaceField(job),
    ownerReferences: workloadOwnerRef ? [jobControllerRef(job), workloadRef] : [jobControllerRef(job)],
  };
}

/**
 * JOB-06/07: the Workload for a Job, or undefined when the Job does not qualify (JOB-02). Whether it
 * is created now also depends on JOB-03 (see jobGangQualification().createsObjects). The name is
 * informative when the Job has no UID yet (JOB-04).
 */
export function expectedWorkloadForJob(job: Job): Workload | undefined {
  if (!jobGangQualification(job).qualifies) return undefined;
  return workloadShellForJob(job, SCHEDULING_API_VERSION, {
    name: podGroupTemplateNameForJob(job),
    schedulingPolicy: { gang: { minCount: job.spec?.parallelism ?? 0 } },
  });
}

/** JOB-09: the PodGroup for a Job's Workload (its first template), or undefined when there is none. */
export function expectedPodGroupForJob(job: Job, workload: Workload | undefined = expectedWorkloadForJob(job)): PodGroup | undefined {
  const template = workload?.spec?.podGroupTemplates?.[0];
  if (!workload || !template) return undefined;
  const workloadName = workload.metadata?.name ?? '';
  const templateName = template.name ?? '';
  return {
    apiVersion: SCHEDULING_API_VERSION,
    kind: 'PodGroup',
    metadata: podGroupMetadataForJob(job, { ...workload, apiVersion: SCHEDULING_API_VERSION }, templateName, true),
    spec: {
      podGroupTemplateRef: { workload: { workloadName, podGroupTemplateName: templateName } },
      schedulingPolicy: structuredClone(template.schedulingPolicy ?? {}),
    },
  };
}

/**
 * JOB-12 (both versions): the ownerReferences of a pod the Job controller creates: its controller
 * reference to the Job, plus, for a pod of the Job's PodGroup, a non-controller reference to that
 * PodGroup. The PodGroup reference is from the PR #137032 description (the pod-creation code was not read).
 */
export function podOwnerReferencesForJob(job: Job, podGroup: KubeObject | undefined): OwnerReference[] {
  if (!podGroup) return [jobControllerRef(job)];
  const groupRef = {
    apiVersion: podGroup.apiVersion ?? SCHEDULING_API_VERSION,
    kind: 'PodGroup',
    name: podGroup.metadata?.name ?? '',
    uid: podGroup.metadata?.uid ?? '',
  };
  return [jobControllerRef(job), groupRef];
}
