// Link 2: the Workload and template behind a PodGroup (X-01..03 hold only at creation, X-22), or the
// Workload the Job controller created for a Job (JOB-10).

import { namespaceOf, nameOf, type Job, type Workload } from '@kubectl-workload/api';
import { isControlledByJob, jobGangQualification, resolveIn, workloadNameForJob, writtenTemplateRef } from '@kubectl-workload/rules';
import { broken, info, ok, type ExplainInput, type LinkCheck, type LinkOutcome, type Walk } from '../model.js';
import { compositeTemplateNames, inNamespace, label, named, plural, podGroupTemplatesIn, templateRefField } from './objects.js';

function referencesJob(workload: Workload, job: Job): boolean {
  const ref = workload.spec?.controllerRef;
  return ref?.apiGroup === 'batch' && ref.kind === 'Job' && ref.name === nameOf(job);
}

function workloadOfJob(walk: Walk, job: Job, input: ExplainInput): LinkOutcome {
  const namespace = namespaceOf(job);
  const found = inNamespace(input.state.workloads, namespace).filter((w) => referencesJob(w, job));
  if (found.length === 0) {
    const qualification = jobGangQualification(job, inNamespace(input.state.pods, namespace));
    if (!qualification.createsObjects) {
      return {
        result: broken(
          'workload',
          `no Workload references Job ${label(job)}, and the Job controller only creates one for a Job that has not started`,
          'recreate the Job (a new Job gets a Workload and a PodGroup), or create a Workload with spec.controllerRef {apiGroup: batch, kind: Job, name: ' +
            `${nameOf(job)}} and a PodGroup from its template`,
          qualification.reasons,
          ['JOB-03', 'JOB-10'],
        ),
        walk,
      };
    }
    return {
      result: broken(
        'workload',
        `the Job controller has not created a Workload for Job ${label(job)} (expected a name like ${workloadNameForJob(job)})`,
        'enable the WorkloadWithJob feature gate on kube-apiserver and kube-controller-manager, and GenericWorkload with scheduling.k8s.io/v1alpha2 served',
        [],
        ['JOB-01', 'JOB-04', 'JOB-10'],
      ),
      walk,
    };
  }
  if (found.length > 1) {
    return {
      result: broken(
        'workload',
        `found ${found.length} Workloads referencing Job ${label(job)}, falling back to default scheduling`,
        `delete all but one of: ${found.map((w) => nameOf(w)).join(', ')}`,
        [],
        ['JOB-10'],
      ),
      walk,
    };
  }
  const workload = found[0] as Workload;
  const templates = workload.spec?.podGroupTemplates ?? [];
  if (!isControlledByJob(workload, job) || templates.length !== 1) {
    const why =
      templates.length !== 1
        ? `it has ${plural(templates.length, 'template')}, not 1`
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
  return {
    result: ok('workload', `Workload ${label(workload)} with template "${templates[0]?.name ?? ''}"`, [], ['JOB-10']),
    walk: { ...walk, workload, template: templates[0] },
  };
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
