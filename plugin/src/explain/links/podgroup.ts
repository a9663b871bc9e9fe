// Link 3: the PodGroup exists. A pod naming a missing PodGroup stays Pending without an event or a
// condition (X-08, upstream issue #141900): explain must say so.

import { nameOf, scheduledConditionOf, type PodGroup } from '@kubectl-workload/api';
import { podGroupNameFor } from '@kubectl-workload/rules';
import { broken, ok, type LinkCheck } from '../model.js';
import { label, named, podGroupsOfTemplate, podGroupTemplatesIn, templateRefField } from './objects.js';

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

export const podGroupFromTemplateLink: LinkCheck = (walk, input) => {
  const workload = walk.workload;
  if (!workload || walk.podGroup) return undefined;
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
