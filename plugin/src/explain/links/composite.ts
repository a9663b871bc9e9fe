// Links for `explain compositepodgroup/NAME` (1.37): the Workload composite template behind it
// (workloadRef, checked by nobody upstream: X-22), and its child groups against minGroupCount —
// the root waits until at least minGroupCount children are ready, recursively (scheduler-1.37.md §3).

import {
  namespaceOf,
  nameOf,
  scheduledConditionOf,
  type CompositePodGroup,
  type PodGroup137,
  type Workload137,
} from '@kubectl-workload/api';
import { compositeTemplatesOf } from '@kubectl-workload/rules';
import { broken, ok, warning, type ExplainInput, type LinkCheck, type Walk } from '../model.js';
import { compositeTemplateNames, inNamespace, label, named, plural, podGroupTemplatesIn } from './objects.js';

type Group = PodGroup137 | CompositePodGroup;

/** `gang minGroupCount 2` or `basic`, and the number of ready children it needs (basic: 1). */
function policyOf(cpg: CompositePodGroup): { text: string; needed: number } {
  const gang = cpg.spec?.schedulingPolicy?.gang;
  return gang ? { text: `gang minGroupCount ${gang.minGroupCount ?? 0}`, needed: gang.minGroupCount ?? 0 } : { text: 'basic', needed: 1 };
}

/** X-22 / X-31 for a CompositePodGroup: its workloadRef names a Workload and one of its composite templates. */
export const compositeWorkloadLink: LinkCheck = (walk, input) => {
  const cpg = walk.compositePodGroup;
  if (!cpg) return undefined;
  const ref = cpg.spec?.workloadRef;
  const namespace = namespaceOf(cpg);
  const workload = ref?.workloadName ? named(input.state.workloads, namespace, ref.workloadName) : undefined;
  const recreate = `recreate CompositePodGroup ${label(cpg)} with spec.workloadRef naming a composite template of its Workload (workloadRef is immutable, CPG-03)`;
  if (!workload) {
    return {
      result: broken(
        'workload',
        `CompositePodGroup ${label(cpg)} references Workload "${ref?.workloadName ?? ''}", which does not exist: Kubernetes 1.37 does not check the reference`,
        `create Workload ${namespace}/${ref?.workloadName ?? ''} with composite template "${ref?.templateName ?? ''}", or ${recreate}`,
        [],
        ['X-22'],
      ),
      walk,
    };
  }
  const template = compositeTemplatesOf((workload as Workload137).spec).find((l) => l.template.name === ref?.templateName)?.template;
  if (!template) {
    const isPodGroupTemplate = podGroupTemplatesIn(workload).some((t) => t.name === ref?.templateName);
    const names = compositeTemplateNames(workload);
    return {
      result: broken(
        'workload',
        isPodGroupTemplate
          ? `"${ref?.templateName ?? ''}" is a pod group template of Workload ${label(workload)}: a CompositePodGroup is made from a composite template (it has: ${names.join(', ') || 'none'})`
          : `Workload ${label(workload)} has no composite template "${ref?.templateName ?? ''}" (it has: ${names.join(', ') || 'none'})`,
        recreate,
        [],
        ['X-22'],
      ),
      walk,
    };
  }
  const gang = template.schedulingPolicy?.gang;
  const says = gang ? `gang minGroupCount ${gang.minGroupCount ?? 0}` : 'basic';
  const has = policyOf(cpg).text;
  // CPG-06: the policy is immutable on the CompositePodGroup, while the template's may change (WL-29).
  const drift =
    has === says
      ? []
      : [
          `the template now says ${says}, this CompositePodGroup has ${has}: its policy is immutable (CPG-06), recreate it to follow the template`,
        ];
  // The walk keeps no Workload: the PodGroup links that follow one do not apply to a CompositePodGroup.
  return {
    result: ok('workload', `Workload ${label(workload)} has composite template "${template.name ?? ''}" (${says})`, drift, ['X-22']),
    walk,
  };
};

/** The groups naming `cpg` as their parent, PodGroups and CompositePodGroups alike, by name. */
function childrenOf(cpg: CompositePodGroup, input: ExplainInput): Group[] {
  const namespace = namespaceOf(cpg);
  const names = (g: Group) => g.spec?.parentCompositePodGroupName === nameOf(cpg);
  return [
    ...inNamespace(input.state.podGroups as readonly PodGroup137[], namespace).filter(names),
    ...inNamespace(input.state.compositePodGroups, namespace).filter(names),
  ].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

/** The root of the tree `cpg` is in, as far as the state shows it (a cycle or a missing parent stops the climb). */
function rootOf(cpg: CompositePodGroup, input: ExplainInput): CompositePodGroup {
  const seen = new Set([nameOf(cpg)]);
  let root = cpg;
  for (let parent = root.spec?.parentCompositePodGroupName; parent && !seen.has(parent); parent = root.spec?.parentCompositePodGroupName) {
    const found = named(input.state.compositePodGroups, namespaceOf(cpg), parent);
    if (!found) break;
    seen.add(parent);
    root = found;
  }
  return root;
}

const scheduled = (group: Group): boolean => scheduledConditionOf(group)?.status === 'True';

/** `PodGroup default/workers: PodGroupInitiallyScheduled=False/Unschedulable: 0/3 nodes…` or `…: not tried yet`. */
function childLine(group: Group): string {
  const condition = scheduledConditionOf(group);
  const state = condition
    ? `${condition.type}=${condition.status}/${condition.reason ?? ''}${condition.message ? `: ${condition.message}` : ''}`
    : 'no scheduling condition yet';
  return `${group.kind ?? 'PodGroup'} ${label(group)}: ${state}`;
}

const targetOf = (group: Group): string => `${(group.kind ?? 'PodGroup').toLowerCase()}/${nameOf(group)}`;

/**
 * A CompositePodGroup being deleted refuses new children (PodGroupProtection, ADM-11) and stays until
 * no child names it (its finalizer, CPG-13): deletion runs bottom-up (ADM-12).
 */
export const compositeDeletionLink: LinkCheck = (walk, input) => {
  const cpg = walk.compositePodGroup;
  const deletedAt = cpg?.metadata?.deletionTimestamp;
  if (!cpg || !deletedAt) return undefined;
  const children = childrenOf(cpg, input);
  const summary = children.length
    ? `CompositePodGroup ${label(cpg)} is being deleted: it stays until its ${plural(children.length, 'child group')} ${children.length === 1 ? 'is' : 'are'} gone, and PodGroupProtection refuses new children`
    : `CompositePodGroup ${label(cpg)} is being deleted and no child group names it: it goes once its finalizers are removed`;
  const fix = children.length
    ? `delete the child groups first (${children.map(targetOf).join(', ')}), then recreate the hierarchy from Workload "${cpg.spec?.workloadRef?.workloadName ?? ''}" if it is still needed`
    : 'the PodGroup protection controller of kube-controller-manager removes the finalizer: check that it runs (GenericWorkload and CompositePodGroup gates)';
  return { result: broken('deletion', summary, fix, children.map(childLine), ['ADM-11', 'ADM-12', 'CPG-13'], deletedAt), walk };
};

/** The children against minGroupCount: the scheduler needs that many ready children under each CompositePodGroup. */
export const childrenLink: LinkCheck = (walk: Walk, input) => {
  const cpg = walk.compositePodGroup;
  if (!cpg) return undefined;
  const { text, needed } = policyOf(cpg);
  const children = childrenOf(cpg, input);
  const done = children.filter(scheduled);
  const details = children.map(childLine);
  const refs = ['CPG-05', 'CPG-12', 'scheduler-1.37.md §3'];
  const own = scheduledConditionOf(cpg);
  if (children.length < needed) {
    return {
      result: broken(
        'children',
        `CompositePodGroup ${label(cpg)} (${text}) has ${plural(children.length, 'child group')}, fewer than the ${needed} it needs: ` +
          `the scheduler keeps the whole tree waiting (waiting for composite pod group "${nameOf(rootOf(cpg, input))}" tree to meet quorum)`,
        `create the missing child groups from the templates under composite template "${cpg.spec?.workloadRef?.templateName ?? ''}" with spec.parentCompositePodGroupName: ${nameOf(cpg)}; ` +
          'minGroupCount is immutable on the CompositePodGroup (CPG-06)',
        details,
        refs,
      ),
      walk,
    };
  }
  const summary = `${plural(done.length, 'child group')} of ${children.length} scheduled; ${text} needs ${needed}`;
  if (done.length >= needed || own?.status === 'True') return { result: ok('children', summary, details, refs), walk };
  const waiting = children.find((c) => !scheduled(c)) as Group;
  const failed = children.some((c) => scheduledConditionOf(c)?.status === 'False');
  const fix = `see why with kubectl workload explain ${targetOf(waiting)}`;
  return {
    result: failed
      ? broken('children', summary, fix, details, refs)
      : warning('children', `${summary}: the scheduler has not placed the rest yet`, fix, details, refs),
    walk,
  };
};
