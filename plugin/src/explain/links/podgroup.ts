// Link 3: the PodGroup exists (for a Job under 1.37: the one it controls, JOB-11). A pod naming a missing PodGroup stays Pending without an event or a
// condition (X-08, upstream issue #141900): explain must say so.

import { nameOf, namespaceOf, scheduledConditionOf, templateRefOf, type Job, type PodGroup, type Workload } from '@kubectl-workload/api';
import { discoverJobPodGroup137, jobControllerPlan, podGroupNameFor } from '@kubectl-workload/rules';
import { broken, ok, type ExplainInput, type LinkCheck, type LinkOutcome, type Walk } from '../model.js';
import { explainKubeVersion, inNamespace, label, named, podGroupsOfTemplate, podGroupTemplatesIn, templateRefField } from './objects.js';

function isGroupScheduled(group: PodGroup): boolean {
  return scheduledConditionOf(group)?.status === 'True';
}

export const podGroupByNameLink: LinkCheck = (walk, input) => {
  if (!walk.podGroupName || walk.podGroup) return undefined;
  const namespace = walk.namespace;
  const podGroup = named(input.state.podGroups, namespace, walk.podGroupName);
  if (!podGroup) {
    return {
      result: broken(
        'podgroup',
        `PodGroup ${namespace}/${walk.podGroupName} does not exist: the scheduler keeps its pods Pending with no event or condition ` +
          `(PreEnqueue: waiting for pods's pod group "${walk.podGroupName}" to appear in scheduling queue)`,
        `create PodGroup ${namespace}/${walk.podGroupName} (from a Workload template, or standalone with a schedulingPolicy), or fix spec.schedulingGroup.podGroupName`,
        [],
        ['X-08', 'X-15', 'kubernetes/kubernetes#141900'],
      ),
      walk,
    };
  }
  return { result: ok('podgroup', `PodGroup ${label(podGroup)} exists`), walk: { ...walk, podGroup } };
};

/** JOB-11 (1.37): only a PodGroup of the Workload that the Job controls is the Job's. */
function podGroupOfJob137(walk: Walk, job: Job, workload: Workload, input: ExplainInput): LinkOutcome {
  const namespace = namespaceOf(job);
  const found = discoverJobPodGroup137(job, workload, inNamespace(input.state.podGroups, namespace));
  if (found.outcome === 'found') {
    const templateName = templateRefOf(found.podGroup)?.templateName ?? walk.template?.name ?? '';
    return {
      result: ok('podgroup', `PodGroup ${label(found.podGroup)} made from template "${templateName}"`, [], ['JOB-11']),
      walk: { ...walk, podGroup: found.podGroup },
    };
  }
  if (found.outcome === 'fallback') {
    return {
      result: broken(
        'podgroup',
        found.message,
        `delete all but one of: ${found.podGroups.map((g) => nameOf(g)).join(', ')}`,
        ['the Job controller then creates its pods without spec.schedulingGroup'],
        ['JOB-11'],
      ),
      walk,
    };
  }
  const templateName = walk.template?.name ?? '';
  const plan = jobControllerPlan(job, '1.37', { pods: inNamespace(input.state.pods, namespace), workloads: [workload] });
  const others = podGroupsOfTemplate(input.state.podGroups, workload, templateName).map(
    (g) => `PodGroup ${label(g)} is made from the template but not controlled by the Job: the Job controller ignores it (JOB-11)`,
  );
  const expected = podGroupNameFor(nameOf(workload), templateName);
  return {
    result: broken(
      'podgroup',
      `no PodGroup of Workload ${label(workload)} is controlled by Job ${label(job)}: its pods stay Pending with no event or condition`,
      plan.createsObjects
        ? `the Job controller creates PodGroup ${expected}: check kube-controller-manager (WorkloadWithJob) and its logs`
        : 'the Job controller creates a PodGroup only for a Job that has not started: recreate the Job',
      [...(plan.createsObjects ? [] : plan.reasons), ...others],
      ['JOB-08', 'JOB-11', 'kubernetes/kubernetes#141900'],
    ),
    walk,
  };
}

export const podGroupFromTemplateLink: LinkCheck = (walk, input) => {
  const workload = walk.workload;
  if (!workload || walk.podGroup) return undefined;
  if (walk.job && explainKubeVersion(input) === '1.37') return podGroupOfJob137(walk, walk.job, workload, input);
  const templates = walk.template ? [walk.template] : podGroupTemplatesIn(workload);
  const made = templates.map((t) => ({ template: t, groups: podGroupsOfTemplate(input.state.podGroups, workload, t.name ?? '') }));
  const missing = made.find((m) => m.groups.length === 0);
  if (missing) {
    const templateName = missing.template.name ?? '';
    const byJob = walk.job !== undefined;
    const field = templateRefField(workload);
    return {
      result: broken(
        'podgroup',
        `no PodGroup was made from template "${templateName}" of Workload ${label(workload)}: its pods stay Pending with no event or condition`,
        byJob
          ? `the Job controller creates PodGroup ${podGroupNameFor(nameOf(workload), templateName)}: check kube-controller-manager (WorkloadWithJob) and its logs`
          : `create a PodGroup with ${field.ref} {${field.workload}: ${nameOf(workload)}, ${field.template}: ${templateName}} and the template's schedulingPolicy`,
        [],
        byJob ? ['JOB-08', 'JOB-11', 'kubernetes/kubernetes#141900'] : ['X-08', 'kubernetes/kubernetes#141900'],
      ),
      walk: { ...walk, template: missing.template },
    };
  }
  // Of several PodGroups, the one worth explaining is the first not yet scheduled.
  const all = made.flatMap((m) => m.groups.map((group) => ({ template: m.template, group })));
  const chosen = all.find((e) => !isGroupScheduled(e.group)) ?? all[0];
  if (!chosen) return undefined;
  const others = all.filter((e) => e !== chosen).map((e) => nameOf(e.group));
  return {
    result: ok(
      'podgroup',
      `PodGroup ${label(chosen.group)} made from template "${chosen.template.name ?? ''}"`,
      others.length ? [`also from this Workload: ${others.join(', ')}`] : [],
    ),
    walk: { ...walk, template: chosen.template, podGroup: chosen.group },
  };
};
