// Which objects the v1.37 Job controller manages for a Job (api-rules-1.37 JOB-01, JOB-02): the 1.36
// gang qualification is retired; a Job's ownership and its pod template decide instead.

import { controllerRefOf, type FeatureGates, type Job } from '@kubectl-workload/api';

/**
 * `manageBoth`: the Job's own Workload and PodGroup (a root Job). `managePodGroupOnly`: a PodGroup
 * from a template of its owner's Workload (delegated, JOB-28). `manageNone`: neither.
 */
export type JobManagementMode = 'manageNone' | 'manageBoth' | 'managePodGroupOnly';

/** The annotation through which an owning controller delegates one of its templates to a Job (JOB-28). */
export const GROUP_TEMPLATE_NAME_ANNOTATION = 'scheduling.k8s.io/group-template-name';

export interface JobManagement {
  readonly mode: JobManagementMode;
  /** Why, in words, prefixed with its rule id. */
  readonly reason: string;
  /** The template a delegated Job's PodGroup is made from (managePodGroupOnly). */
  readonly templateName?: string;
}

/** JOB-01 (both versions): the Job controller integration needs WorkloadWithJob and the scheduling API (GenericWorkload). */
export function jobControllerIntegrationOn(gates: Pick<FeatureGates, 'GenericWorkload' | 'WorkloadWithJob'>): boolean {
  return gates.WorkloadWithJob && gates.GenericWorkload;
}

export const JOB_CONTROLLER_GATE_OFF =
  'JOB-01: the WorkloadWithJob feature gate is off, so the Job controller creates no Workload or PodGroup';

/**
 * JOB-01/JOB-02 (1.37) `getManagementMode`, checked in this order: gate off or BYO `schedulingGroup` →
 * manageNone; no controller ownerReference → manageBoth; a controller plus the annotation →
 * managePodGroupOnly; any other controller (a CronJob included) → manageNone.
 */
export function jobManagementMode(job: Job, gates?: Pick<FeatureGates, 'GenericWorkload' | 'WorkloadWithJob'>): JobManagement {
  if (gates && !jobControllerIntegrationOn(gates)) return { mode: 'manageNone', reason: JOB_CONTROLLER_GATE_OFF };
  const byo = job.spec?.template?.spec?.schedulingGroup;
  if (byo !== undefined) {
    return {
      mode: 'manageNone',
      reason: `JOB-02: spec.template.spec.schedulingGroup is set (the Job brings its own PodGroup "${byo.podGroupName ?? ''}")`,
    };
  }
  const owner = controllerRefOf(job);
  if (!owner) return { mode: 'manageBoth', reason: 'JOB-02: the Job has no controller ownerReference (a root Job)' };
  const ownerText = `${owner.kind} "${owner.name}"`;
  // An empty annotation names no template: treated as absent.
  const templateName = job.metadata?.annotations?.[GROUP_TEMPLATE_NAME_ANNOTATION];
  if (templateName) {
    return {
      mode: 'managePodGroupOnly',
      reason: `JOB-02: the Job is controlled by ${ownerText} and its annotation ${GROUP_TEMPLATE_NAME_ANNOTATION} names template "${templateName}"`,
      templateName,
    };
  }
  return {
    mode: 'manageNone',
    reason: `JOB-02: the Job is controlled by ${ownerText} without the ${GROUP_TEMPLATE_NAME_ANNOTATION} annotation (its owner decides how it is scheduled)`,
  };
}
