// Link 2: the Workload and template behind a PodGroup (X-01..03 hold only at creation, X-22), or the
// Workload the Job controller created for a Job (JOB-10; 1.37: only one the Job controls, and a
// delegated Job's owner Workload, JOB-28).

import { namespaceOf, nameOf, SCHEDULING_API_VERSION, splitApiVersion, type Job, type KubeVersion } from '@kubectl-workload/api';
import {
  controllerRefOf,
  discoverJobWorkload,
  GROUP_TEMPLATE_NAME_ANNOTATION,
  JOB_CONTROLLER_API_VERSION_1_37,
  jobControllerPlan,
  jobManagementMode,
  parentWorkloadOfJob,
  resolveIn,
  WORKLOAD_FAILURE_EVENT_REASONS,
  workloadNameForJob,
  writtenTemplateRef,
} from '@kubectl-workload/rules';
import { eventTime, type KubeEvent } from '@kubectl-workload/cluster';
import { broken, info, ok, type ExplainInput, type LinkCheck, type LinkOutcome, type Walk } from '../model.js';
import {
  compositeTemplateNames,
  explainKubeVersion,
  inNamespace,
  label,
  named,
  plural,
  podGroupTemplatesIn,
  templateRefField,
} from './objects.js';

/** JOB-07: the newest Warning the Job controller recorded on the Job for a Workload it could not make. */
function workloadFailureEvent(job: Job, input: ExplainInput): KubeEvent | undefined {
  return input.events
    .filter(
      (e) =>
        e.type === 'Warning' &&
        WORKLOAD_FAILURE_EVENT_REASONS.includes(e.reason ?? '') &&
        e.involvedObject?.kind === 'Job' &&
        e.involvedObject.name === nameOf(job) &&
        (e.involvedObject.namespace || 'default') === namespaceOf(job),
    )
    .sort((a, b) => (eventTime(b) ?? '').localeCompare(eventTime(a) ?? ''))[0];
}

/** JOB-10, both versions: the Workload the Job controller uses for a Job it manages (manageBoth). */
function ownWorkloadOfJob(walk: Walk, job: Job, input: ExplainInput, version: KubeVersion): LinkOutcome {
  const namespace = namespaceOf(job);
  const found = discoverJobWorkload(job, inNamespace(input.state.workloads, namespace), version);
  switch (found.outcome) {
    case 'none': {
      // 1.37 ignores a Workload naming the Job that the Job does not control.
      const ignored = found.ignored.map(
        (w) =>
          `Workload ${label(w)} names the Job in spec.controllerRef but has no controller ownerReference to it: the v1.37 Job controller ignores it (JOB-10)`,
      );
      const plan = jobControllerPlan(job, version, { pods: inNamespace(input.state.pods, namespace) });
      if (!plan.createsObjects) {
        return {
          result: broken(
            'workload',
            `no Workload references Job ${label(job)}, and the Job controller only creates one for a Job that has not started`,
            'recreate the Job (a new Job gets a Workload and a PodGroup), or create a Workload with spec.controllerRef {apiGroup: batch, kind: Job, name: ' +
              `${nameOf(job)}} and a PodGroup from its template`,
            [...plan.reasons, ...ignored],
            ['JOB-03', 'JOB-10'],
          ),
          walk,
        };
      }
      const failure = workloadFailureEvent(job, input);
      if (failure) {
        return {
          result: broken(
            'workload',
            `the Job controller failed to create a Workload for Job ${label(job)}: ${failure.reason ?? ''}`,
            'fix what the error names (for a rejected Workload, what the Job asks for); the Job controller retries while the Job has not started',
            [failure.message ?? '', ...ignored],
            ['JOB-06', 'JOB-07', 'JOB-10'],
            eventTime(failure),
          ),
          walk,
        };
      }
      const served = version === '1.37' ? JOB_CONTROLLER_API_VERSION_1_37 : SCHEDULING_API_VERSION;
      return {
        result: broken(
          'workload',
          `the Job controller has not created a Workload for Job ${label(job)} (expected a name like ${workloadNameForJob(job)})`,
          `enable the WorkloadWithJob feature gate on kube-apiserver and kube-controller-manager, and GenericWorkload with ${served} served`,
          ignored,
          ['JOB-01', 'JOB-04', 'JOB-10'],
        ),
        walk,
      };
    }
    case 'fallback': {
      const [workload] = found.workloads;
      if (found.why === 'several' || !workload) {
        return {
          result: broken(
            'workload',
            found.message ?? '',
            `delete all but one of: ${found.workloads.map((w) => nameOf(w)).join(', ')}`,
            [],
            ['JOB-10'],
          ),
          walk,
        };
      }
      const why =
        found.why === 'templates'
          ? `it has ${plural(workload.spec?.podGroupTemplates?.length ?? 0, 'template')}, not 1`
          : 'it is not controlled by the Job (no controller ownerReference)';
      return {
        result: broken(
          'workload',
          `Workload ${label(workload)} references Job ${label(job)} but the Job controller will not use it: ${why}`,
          'give the Workload one template and a controller ownerReference to the Job, or let the Job controller create it',
          [],
          ['JOB-10'],
        ),
        walk,
      };
    }
    case 'error':
      return {
        result: broken(
          'workload',
          found.message,
          `recreate Workload ${label(found.workload)} with exactly one podGroupTemplate, or delete it (a Job that has not started gets a new one)`,
          ['the v1.37 Job controller returns this error and requeues the Job: it creates no pods until the Workload is fixed'],
          ['JOB-10'],
        ),
        walk,
      };
    case 'found': {
      const template = found.workload.spec?.podGroupTemplates?.[0];
      return {
        result: ok('workload', `Workload ${label(found.workload)} with template "${template?.name ?? ''}"`, [], ['JOB-10']),
        walk: { ...walk, workload: found.workload, ...(template ? { template } : {}) },
      };
    }
  }
}

/** JOB-28: a delegated Job's PodGroup comes from a template of its owner's Workload. */
function parentWorkloadOfDelegatedJob(walk: Walk, job: Job, input: ExplainInput, templateName: string): LinkOutcome {
  const owner = controllerRefOf(job);
  const by = `${owner?.kind ?? ''} "${owner?.name ?? ''}"`;
  const workload = parentWorkloadOfJob(job, inNamespace(input.state.workloads, namespaceOf(job)));
  if (!workload) {
    const group = splitApiVersion(owner?.apiVersion).group;
    return {
      result: broken(
        'workload',
        `no Workload's spec.controllerRef names ${by}, the owner of Job ${label(job)}: the Job controller waits for it and retries`,
        `${by} should create its Workload with spec.controllerRef {apiGroup: ${group}, kind: ${owner?.kind ?? ''}, name: ${owner?.name ?? ''}} and template "${templateName}"`,
        [],
        ['JOB-28'],
      ),
      walk,
    };
  }
  const template = podGroupTemplatesIn(workload).find((t) => t.name === templateName);
  if (!template) {
    const names = podGroupTemplatesIn(workload).map((t) => t.name ?? '');
    return {
      result: broken(
        'workload',
        `Workload ${label(workload)} of ${by} has no pod group template "${templateName}" (it has: ${names.join(', ') || 'none'}): the Job controller waits and retries`,
        `fix the ${GROUP_TEMPLATE_NAME_ANNOTATION} annotation of the Job's template in ${by}, or add the template to its Workload`,
        [],
        ['JOB-28'],
      ),
      walk,
    };
  }
  return {
    result: ok('workload', `Workload ${label(workload)} of ${by} has template "${templateName}"`, [], ['JOB-28']),
    walk: { ...walk, workload, template },
  };
}

function workloadOfJob(walk: Walk, job: Job, input: ExplainInput): LinkOutcome {
  const version = explainKubeVersion(input);
  const management = version === '1.37' ? jobManagementMode(job) : undefined;
  if (management?.mode === 'managePodGroupOnly') return parentWorkloadOfDelegatedJob(walk, job, input, management.templateName ?? '');
  return ownWorkloadOfJob(walk, job, input, version);
}

function workloadOfPodGroup(walk: Walk, input: ExplainInput): LinkOutcome | undefined {
  const group = walk.podGroup;
  if (!group) return undefined;
  const ref = writtenTemplateRef(group);
  const field = templateRefField(group);
  if (!ref) {
    return { result: info('workload', `PodGroup ${label(group)} is standalone (no ${field.ref})`, [], ['PG-03']), walk };
  }
  const namespace = namespaceOf(group);
  const { workload, template } = resolveIn(ref, named(input.state.workloads, namespace, ref.workloadName));
  if (!workload) {
    return {
      result: broken(
        'workload',
        `PodGroup ${label(group)} references Workload "${ref.workloadName}", which does not exist`,
        `recreate Workload ${namespace}/${ref.workloadName} with template "${ref.templateName}", or delete the PodGroup (the API server checks the reference only at creation)`,
        [],
        ['X-01', 'X-22'],
      ),
      walk,
    };
  }
  if (!template) {
    const names = podGroupTemplatesIn(workload).map((t) => t.name ?? '');
    // 1.37: a PodGroup names a pod group template; the composite ones are for CompositePodGroups.
    const composite = compositeTemplateNames(workload).includes(ref.templateName);
    return {
      result: broken(
        'workload',
        composite
          ? `"${ref.templateName}" is a composite template of Workload ${label(workload)}: a PodGroup is made from a pod group template (it has: ${names.join(', ') || 'none'})`
          : `Workload ${label(workload)} has no template "${ref.templateName}" (it has: ${names.join(', ') || 'none'})`,
        `recreate the PodGroup with ${field.ref}.${field.template} naming an existing pod group template`,
        [],
        composite ? ['X-31'] : ['X-03', 'X-22'],
      ),
      walk,
    };
  }
  return {
    result: ok('workload', `Workload ${label(workload)} has template "${template.name ?? ''}"`),
    walk: { ...walk, workload, template },
  };
}

export const workloadLink: LinkCheck = (walk, input) => {
  if (walk.podGroup) return workloadOfPodGroup(walk, input);
  if (walk.workload) {
    const names = podGroupTemplatesIn(walk.workload).map((t) => t.name ?? '');
    const composites = compositeTemplateNames(walk.workload);
    const under = composites.length ? ` under ${plural(composites.length, 'composite template')} (${composites.join(', ')})` : '';
    return {
      result: ok('workload', `Workload ${label(walk.workload)} with ${plural(names.length, 'template')}: ${names.join(', ')}${under}`),
      walk,
    };
  }
  if (walk.job && !walk.podGroupName) return workloadOfJob(walk, walk.job, input);
  return undefined;
};
