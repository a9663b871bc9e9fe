// Link 3b (1.37): the CompositePodGroups above a PodGroup. The API server checks none of the chain
// (api-rules-1.37.md §6): a missing parent keeps the pods at PreEnqueue with no event, a parent being
// deleted refuses new children (PodGroupProtection, ADM-11) and waits for the old ones to go
// (ADM-12), and a cycle or a too deep tree is never scheduled (X-32, scheduler-1.37.md §2).

import { namespaceOf, nameOf, type CompositePodGroup, type KubeObject, type PodGroup137 } from '@kubectl-workload/api';
import { broken, ok, warning, type LinkCheck, type LinkOutcome, type Walk } from '../model.js';
import { label, named } from './objects.js';

/** WorkloadMaxTreeDepth: a hierarchy of more levels (the leaf PodGroup included) is not scheduled. */
const MAX_LEVELS = 4;

type Group = PodGroup137 | CompositePodGroup;

const parentOf = (group: Group): string | undefined => group.spec?.parentCompositePodGroupName || undefined;
const workloadOf = (group: Group): string => group.spec?.workloadRef?.workloadName ?? '';

/** How one ancestor reads in the details: policy, template, and whether it is the root. */
function describe(composite: CompositePodGroup): string {
  const policy = composite.spec?.schedulingPolicy;
  const how = policy?.gang ? `gang minGroupCount ${policy.gang.minGroupCount ?? 0}` : policy?.basic ? 'basic' : 'no policy';
  const template = composite.spec?.workloadRef?.templateName;
  const deleting = composite.metadata?.deletionTimestamp ? `, being deleted since ${composite.metadata.deletionTimestamp}` : '';
  return `CompositePodGroup ${label(composite)}: ${how}${template ? `, template "${template}"` : ''}${parentOf(composite) ? '' : ', root'}${deleting}`;
}

/** The parent chain above `group`, nearest first, until a root, a missing parent, a cycle or too many levels. */
function ancestors(group: Group, composites: readonly CompositePodGroup[]) {
  const namespace = namespaceOf(group);
  const chain: CompositePodGroup[] = [];
  const seen = new Set<string>();
  for (let child: Group = group, parent = parentOf(group); parent !== undefined; parent = parentOf(child)) {
    if (seen.has(parent)) return { chain, cycle: [...chain.map((c) => nameOf(c)), parent] };
    if (chain.length >= MAX_LEVELS) return { chain, tooDeep: true };
    const found = named(composites, namespace, parent);
    if (!found) return { chain, missing: { name: parent, child } };
    seen.add(parent);
    chain.push(found);
    child = found;
  }
  return { chain };
}

const kindLabel = (obj: KubeObject) => `${obj.kind ?? 'PodGroup'} ${label(obj)}`;

function missingParent(walk: Walk, name: string, child: Group, found: number, served: boolean): LinkOutcome {
  const namespace = namespaceOf(child);
  const details = served
    ? []
    : [
        'no CompositePodGroup was listed at all: the cluster may not serve compositepodgroups (only scheduling.k8s.io/v1alpha3 with the CompositePodGroup gate does, ADM-10a)',
      ];
  return {
    result: broken(
      'parent',
      `${kindLabel(child)} names parent CompositePodGroup "${name}", which does not exist: the scheduler keeps the pods Pending ` +
        `with no event or condition (PreEnqueue: failed to build hierarchy snapshot: composite pod group object not found in state for ${namespace}/${name})`,
      `create CompositePodGroup ${namespace}/${name} from its Workload's composite template, or recreate ${kindLabel(child)} ` +
        'with the right spec.parentCompositePodGroupName (it is immutable, PG-63/CPG-04)',
      [...details, ...(found ? [`found above it: ${found} CompositePodGroup${found === 1 ? '' : 's'}`] : [])],
      ['X-30', 'scheduler-1.37.md §3.2'],
    ),
    walk,
  };
}

/**
 * ADM-10a: CompositePodGroup exists only in v1alpha3, so a cluster serving only v1beta1 accepts a
 * PodGroup naming a parent (the field is in v1beta1) but can never hold the parent.
 */
function parentNotServed(walk: Walk, group: PodGroup137): LinkOutcome {
  const name = parentOf(group) ?? '';
  return {
    result: broken(
      'parent',
      `PodGroup ${label(group)} names parent CompositePodGroup "${name}", but this cluster does not serve compositepodgroups: ` +
        'CompositePodGroup exists only in scheduling.k8s.io/v1alpha3, so the PodGroup was accepted (v1beta1 has the field) and its parent cannot be created; ' +
        'the scheduler keeps the pods Pending',
      'enable scheduling.k8s.io/v1alpha3 on kube-apiserver (--runtime-config=scheduling.k8s.io/v1alpha3=true) with the CompositePodGroup feature gate, ' +
        `then create CompositePodGroup ${namespaceOf(group)}/${name} from its Workload's composite template; or recreate PodGroup ${label(group)} ` +
        'without spec.parentCompositePodGroupName (it is immutable, PG-63)',
      [],
      ['ADM-10a', 'X-30'],
    ),
    walk,
  };
}

export const parentLink: LinkCheck = (walk, input) => {
  const group = (walk.podGroup as PodGroup137 | undefined) ?? walk.compositePodGroup;
  if (!group || parentOf(group) === undefined) return undefined;
  if (input.state.compositePodGroupsNotServed && group.kind !== 'CompositePodGroup') return parentNotServed(walk, group as PodGroup137);
  const composites = input.state.compositePodGroups;
  const { chain, missing, cycle, tooDeep } = ancestors(group, composites);
  if (missing) return missingParent(walk, missing.name, missing.child, chain.length, composites.length > 0);
  const details = chain.map(describe);
  if (cycle || tooDeep) {
    const why = cycle
      ? `its parents form a cycle (${[nameOf(group), ...cycle].join(' → ')})`
      : `its hierarchy has more than ${MAX_LEVELS} levels`;
    return {
      result: broken(
        'parent',
        `${kindLabel(group)} is in an invalid hierarchy: ${why}; the scheduler does not schedule it`,
        'recreate the hierarchy from its Workload: at most 4 levels, each CompositePodGroup naming the one above it (spec.parentCompositePodGroupName is immutable)',
        details,
        ['X-32', 'scheduler-1.37.md §2'],
      ),
      walk,
    };
  }
  const root = chain.at(-1) as CompositePodGroup;
  const summary = `${kindLabel(group)} is under ${chain.length === 1 ? 'the root ' : ''}CompositePodGroup ${label(chain[0] as CompositePodGroup)}${chain.length > 1 ? ` (root ${label(root)})` : ''}`;
  const deleting = chain.find((c) => c.metadata?.deletionTimestamp);
  if (deleting) {
    return {
      result: warning(
        'parent',
        `CompositePodGroup ${label(deleting)} above ${kindLabel(group)} is being deleted: PodGroupProtection refuses new children ` +
          `(cannot create ${group.kind ?? 'PodGroup'} referencing CompositePodGroup "${nameOf(deleting)}" because it is being deleted) and its finalizer keeps it until its children are gone`,
        'let the deletion finish bottom-up (PodGroups first, then CompositePodGroups), then recreate the hierarchy from its Workload; ' +
          'a group that still has to be created under it never will be',
        details,
        ['ADM-11', 'ADM-12', 'CPG-13'],
      ),
      walk,
    };
  }
  const foreign = chain.find((c) => workloadOf(c) !== workloadOf(group));
  if (foreign) {
    return {
      result: warning(
        'parent',
        `${summary}, but CompositePodGroup ${label(foreign)} belongs to Workload "${workloadOf(foreign)}" and the ${group.kind ?? 'PodGroup'} to "${workloadOf(group)}": a hierarchy spans one Workload`,
        `recreate the ${group.kind ?? 'PodGroup'} under a CompositePodGroup of its own Workload`,
        details,
        ['X-30', 'X-32'],
      ),
      walk,
    };
  }
  return { result: ok('parent', summary, details, ['X-30']), walk };
};
