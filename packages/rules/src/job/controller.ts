// What the Job controller of a Kubernetes version does for a Job: the one place that picks the 1.36
// rules (gang qualification, api-rules JOB-02) or the 1.37 ones (management mode, api-rules-1.37
// JOB-02, JOB-06..09, JOB-28). simulate's what-if and explain read it.

import type { FeatureGates, Job, KubeObject, KubeVersion, Pod, Workload, Workload137 } from '@kubectl-workload/api';
import { parentWorkloadOfJob } from './discovery.js';
import { expectedPodGroupForJob137, expectedWorkloadForJob137 } from './expected-objects-1-37.js';
import { expectedPodGroupForJob, expectedWorkloadForJob } from './expected-objects.js';
import {
  GROUP_TEMPLATE_NAME_ANNOTATION,
  JOB_CONTROLLER_GATE_OFF,
  jobControllerIntegrationOn,
  jobManagementMode,
  type JobManagementMode,
} from './management-1-37.js';
import { jobGangQualification, jobStartedReasons } from './qualification.js';

export interface JobControllerPlan {
  readonly version: KubeVersion;
  /** 1.37 JOB-02 as is; under 1.36 a gang-qualified Job is `manageBoth`, any other `manageNone`. */
  readonly mode: JobManagementMode;
  /** The controller creates the objects below now: the mode allows it and the Job is new (JOB-03). */
  readonly createsObjects: boolean;
  /** Why it creates nothing, each prefixed with its rule id (JOB-01..03, JOB-28). */
  readonly reasons: readonly string[];
  /** The Job's own Workload (manageBoth), whether or not it is created now. */
  readonly workload?: KubeObject;
  /** The PodGroup made from its template (manageBoth), or from the owner's template (delegated, when found). */
  readonly podGroup?: KubeObject;
}

export interface JobControllerContext {
  /** Pods of the Job's namespace: a Job with pods is not new (JOB-03). */
  readonly pods?: readonly Pod[];
  /** Gates of the cluster: without WorkloadWithJob nothing is managed (JOB-01). Unset: the caller checked. */
  readonly gates?: FeatureGates;
  /** Workloads of the Job's namespace: a delegated Job's PodGroup comes from its owner's (JOB-28). */
  readonly workloads?: readonly Workload[];
}

function plan136(job: Job, context: JobControllerContext): JobControllerPlan {
  if (context.gates && !jobControllerIntegrationOn(context.gates)) {
    return { version: '1.36', mode: 'manageNone', createsObjects: false, reasons: [JOB_CONTROLLER_GATE_OFF] };
  }
  const qualification = jobGangQualification(job, context.pods);
  const workload = expectedWorkloadForJob(job);
  const podGroup = workload && expectedPodGroupForJob(job, workload);
  return {
    version: '1.36',
    mode: qualification.qualifies ? 'manageBoth' : 'manageNone',
    createsObjects: qualification.createsObjects,
    reasons: qualification.reasons,
    ...(workload ? { workload } : {}),
    ...(podGroup ? { podGroup } : {}),
  };
}

/** JOB-28: the owner's Workload and the annotated template, or why the controller waits for them. */
function delegatedPodGroup(job: Job, templateName: string, workloads: readonly Workload[]): { podGroup?: KubeObject; missing?: string } {
  const parent = parentWorkloadOfJob(job, workloads) as Workload137 | undefined;
  if (!parent) {
    return { missing: `JOB-28: no Workload's spec.controllerRef names the Job's owner yet (the Job controller retries later)` };
  }
  const podGroup = expectedPodGroupForJob137(job, parent, { templateName });
  if (podGroup) return { podGroup };
  return {
    missing: `JOB-28: Workload "${parent.metadata?.name ?? ''}" has no pod group template "${templateName}" (named by ${GROUP_TEMPLATE_NAME_ANNOTATION}; the Job controller retries later)`,
  };
}

function plan137(job: Job, context: JobControllerContext): JobControllerPlan {
  const management = jobManagementMode(job, context.gates);
  if (management.mode === 'manageNone') {
    return { version: '1.37', mode: 'manageNone', createsObjects: false, reasons: [management.reason] };
  }
  const started = jobStartedReasons(job, context.pods);
  if (management.mode === 'manageBoth') {
    const workload = expectedWorkloadForJob137(job);
    const podGroup = expectedPodGroupForJob137(job, workload);
    return {
      version: '1.37',
      mode: 'manageBoth',
      createsObjects: started.length === 0,
      reasons: started,
      workload,
      ...(podGroup ? { podGroup } : {}),
    };
  }
  const { podGroup, missing } = delegatedPodGroup(job, management.templateName ?? '', context.workloads ?? []);
  const reasons = [...(missing ? [missing] : []), ...started];
  return { version: '1.37', mode: 'managePodGroupOnly', createsObjects: reasons.length === 0, reasons, ...(podGroup ? { podGroup } : {}) };
}

/** What the Job controller of `version` does for `job` (JOB-01..03, JOB-06..09, JOB-28). */
export function jobControllerPlan(job: Job, version: KubeVersion, context: JobControllerContext = {}): JobControllerPlan {
  return version === '1.37' ? plan137(job, context) : plan136(job, context);
}
