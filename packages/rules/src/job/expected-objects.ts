// The Workload and PodGroup the v1.36 Job controller creates for a gang-qualified Job
// (api-rules JOB-06, JOB-07, JOB-09), and the link its pods carry to them (JOB-12), as it sends
// them to the API server (before defaulting).

import { SCHEDULING_API_VERSION } from '@kubectl-workload/api';
import type { Job, OwnerReference, PodGroup, Workload } from '@kubectl-workload/api';
import { podGroupNameFor, podGroupTemplateNameForJob, workloadNameForJob } from './names.js';
import { jobControllerRef } from './ownership.js';
import { jobGangQualification } from './qualification.js';

function namespaceField(job: Job): { namespace?: string } {
  const namespace = job.metadata?.namespace;
  return namespace ? { namespace } : {};
}

/**
 * JOB-06/07: the Workload for a Job, or undefined when the Job does not qualify (JOB-02). Whether it
 * is created now also depends on JOB-03 (see jobGangQualification().createsObjects). The name is
 * informative when the Job has no UID yet (JOB-04).
 */
export function expectedWorkloadForJob(job: Job): Workload | undefined {
  if (!jobGangQualification(job).qualifies) return undefined;
  return {
    apiVersion: SCHEDULING_API_VERSION,
    kind: 'Workload',
    metadata: { name: workloadNameForJob(job), ...namespaceField(job), ownerReferences: [jobControllerRef(job)] },
    spec: {
      controllerRef: { apiGroup: 'batch', kind: 'Job', name: job.metadata?.name ?? '' },
      podGroupTemplates: [{ name: podGroupTemplateNameForJob(job), schedulingPolicy: { gang: { minCount: job.spec?.parallelism ?? 0 } } }],
    },
  };
}

/**
 * JOB-09: the PodGroup for a Job's Workload (its first template), or undefined when there is none.
 * The Workload ownerReference is not a controller and does not block deletion.
 */
export function expectedPodGroupForJob(job: Job, workload: Workload | undefined = expectedWorkloadForJob(job)): PodGroup | undefined {
  const template = workload?.spec?.podGroupTemplates?.[0];
  if (!workload || !template) return undefined;
  const workloadName = workload.metadata?.name ?? '';
  const templateName = template.name ?? '';
  return {
    apiVersion: SCHEDULING_API_VERSION,
    kind: 'PodGroup',
    metadata: {
      name: podGroupNameFor(workloadName, templateName),
      ...namespaceField(job),
      ownerReferences: [
        jobControllerRef(job),
        { apiVersion: SCHEDULING_API_VERSION, kind: 'Workload', name: workloadName, uid: workload.metadata?.uid ?? '' },
      ],
    },
    spec: {
      podGroupTemplateRef: { workload: { workloadName, podGroupTemplateName: templateName } },
      schedulingPolicy: structuredClone(template.schedulingPolicy ?? {}),
    },
  };
}

/**
 * JOB-12: the ownerReferences of a pod the Job controller creates: its controller reference to the
 * Job, plus, for a pod of the Job's PodGroup, a non-controller reference to that PodGroup. The
 * PodGroup reference is from the PR #137032 description (the pod-creation code was not read).
 */
export function podOwnerReferencesForJob(job: Job, podGroup: PodGroup | undefined): OwnerReference[] {
  if (!podGroup) return [jobControllerRef(job)];
  const groupRef = {
    apiVersion: podGroup.apiVersion ?? SCHEDULING_API_VERSION,
    kind: 'PodGroup',
    name: podGroup.metadata?.name ?? '',
    uid: podGroup.metadata?.uid ?? '',
  };
  return [jobControllerRef(job), groupRef];
}
