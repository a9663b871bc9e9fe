// One status row per PodGroup and, on 1.37, per CompositePodGroup: what `kubectl get podgroups`
// cannot show (kubectl has no table columns for scheduling.k8s.io), computed from the group and
// the pods naming it. A hierarchy is listed as a tree: each parent before its children.

import {
  disruptionModeName,
  namespaceOf,
  nameOf,
  scheduledConditionOf,
  type CompositePodGroup,
  type Pod,
  type PodGroup,
  type PodGroup137,
} from '@kubectl-workload/api';
import { writtenTemplateRef } from '@kubectl-workload/rules';
import { groupBy } from '../group-by.js';

export type StatusRowKind = 'PodGroup' | 'CompositePodGroup';

export interface PodGroupStatusRow {
  readonly kind: StatusRowKind;
  readonly namespace: string;
  readonly name: string;
  /** `spec.parentCompositePodGroupName` (1.37), null for a root or a 1.36 group. */
  readonly parent: string | null;
  /** The template the group was made from (`podGroupTemplateRef.workload` in 1.36, `workloadRef` in 1.37). */
  readonly workload: { readonly name: string; readonly template: string } | null;
  readonly policy: 'Gang' | 'Basic' | 'Unknown';
  /** Gang `minCount` (PodGroup) or `minGroupCount` (CompositePodGroup); null for basic groups. */
  readonly minCount: number | null;
  /** Pods naming the group; for a CompositePodGroup, those of every PodGroup below it. */
  readonly pods: { readonly scheduled: number; readonly total: number };
  /** `PodGroupScheduled` (1.36), `PodGroupInitiallyScheduled` or `CompositePodGroupInitiallyScheduled` (1.37); null until written. */
  readonly scheduled: { readonly status: string; readonly reason: string; readonly message: string } | null;
  readonly topologyKey: string | null;
  readonly priorityClassName: string | null;
  readonly priority: number | null;
  /** The 1.36 string (`Pod`, `PodGroup`) or the 1.37 union member (`single`, `all`). */
  readonly disruptionMode: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly creationTimestamp: string | null;
}

export function groupKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Pods by the `namespace/podGroupName` they name in `spec.schedulingGroup`. */
export function podsByGroup(pods: readonly Pod[]): Map<string, Pod[]> {
  const byGroup = new Map<string, Pod[]>();
  for (const pod of pods) {
    const group = pod.spec?.schedulingGroup?.podGroupName;
    if (!group) continue;
    const key = groupKey(namespaceOf(pod), group);
    const members = byGroup.get(key) ?? [];
    members.push(pod);
    byGroup.set(key, members);
  }
  return byGroup;
}

/** A pod counts as scheduled once it is bound to a node. */
export function isScheduled(pod: Pod): boolean {
  return Boolean(pod.spec?.nodeName);
}

type Group = PodGroup | CompositePodGroup;

function policyOf(policy: { gang?: unknown; basic?: unknown } | undefined): PodGroupStatusRow['policy'] {
  if (policy?.gang) return 'Gang';
  if (policy?.basic) return 'Basic';
  return 'Unknown';
}

function parentOf(group: Group): string | null {
  return (group as PodGroup137 | CompositePodGroup).spec?.parentCompositePodGroupName || null;
}

function templateOf(group: Group): PodGroupStatusRow['workload'] {
  if (group.kind === 'CompositePodGroup') {
    const ref = (group as CompositePodGroup).spec?.workloadRef;
    return ref ? { name: ref.workloadName ?? '', template: ref.templateName ?? '' } : null;
  }
  const ref = writtenTemplateRef(group as PodGroup);
  return ref ? { name: ref.workloadName, template: ref.templateName } : null;
}

function minCountOf(group: Group): number | null {
  if (group.kind === 'CompositePodGroup') return (group as CompositePodGroup).spec?.schedulingPolicy?.gang?.minGroupCount ?? null;
  return (group as PodGroup).spec?.schedulingPolicy?.gang?.minCount ?? null;
}

export function statusRow(group: Group, members: readonly Pod[]): PodGroupStatusRow {
  const spec = (group as CompositePodGroup).spec ?? {};
  const condition = scheduledConditionOf(group);
  return {
    kind: group.kind === 'CompositePodGroup' ? 'CompositePodGroup' : 'PodGroup',
    namespace: namespaceOf(group),
    name: nameOf(group),
    parent: parentOf(group),
    workload: templateOf(group),
    policy: policyOf(spec.schedulingPolicy),
    minCount: minCountOf(group),
    pods: { scheduled: members.filter(isScheduled).length, total: members.length },
    scheduled: condition ? { status: condition.status ?? '', reason: condition.reason ?? '', message: condition.message ?? '' } : null,
    topologyKey: spec.schedulingConstraints?.topology?.[0]?.key ?? null,
    priorityClassName: spec.priorityClassName ?? null,
    priority: spec.priority ?? null,
    disruptionMode: disruptionModeName(spec.disruptionMode) ?? null,
    labels: group.metadata?.labels ?? {},
    creationTimestamp: group.metadata?.creationTimestamp ?? null,
  };
}

const byName = (a: Group, b: Group) => nameOf(a).localeCompare(nameOf(b));

/**
 * The groups of one namespace in tree order: roots (no parent, or a parent not in view) by name,
 * each followed by its children, composites first. A parent cycle (which the scheduler rejects)
 * cannot hide a group: whatever the walk did not reach is listed after it.
 */
function treeOrder(groups: readonly Group[]): Group[] {
  const names = new Set(groups.filter((g) => g.kind === 'CompositePodGroup').map((g) => nameOf(g)));
  const hasParent = (group: Group): boolean => names.has(parentOf(group) ?? '');
  const children = groupBy(groups.filter(hasParent), parentOf);
  const roots = groups.filter((g) => !hasParent(g));
  const ordered: Group[] = [];
  const seen = new Set<Group>();
  const visit = (group: Group): void => {
    if (seen.has(group)) return;
    seen.add(group);
    ordered.push(group);
    if (group.kind !== 'CompositePodGroup') return;
    const below = children.get(nameOf(group)) ?? [];
    const composites = below.filter((g) => g.kind === 'CompositePodGroup').sort(byName);
    for (const child of [...composites, ...below.filter((g) => g.kind !== 'CompositePodGroup').sort(byName)]) visit(child);
  };
  for (const root of [...roots].sort(byName)) visit(root);
  for (const rest of [...groups].sort(byName)) visit(rest);
  return ordered;
}

/** Pods of every PodGroup under each CompositePodGroup of one namespace (a cycle counts nothing twice). */
function podsBelow(groups: readonly Group[], byGroup: ReadonlyMap<string, Pod[]>): Map<string, Pod[]> {
  const below = new Map<string, Pod[]>();
  const composites = new Map(groups.filter((g) => g.kind === 'CompositePodGroup').map((g) => [nameOf(g), g]));
  for (const group of groups) {
    if (group.kind === 'CompositePodGroup') continue;
    const pods = byGroup.get(groupKey(namespaceOf(group), nameOf(group))) ?? [];
    const visited = new Set<string>();
    for (let parent = parentOf(group); parent !== null && !visited.has(parent); ) {
      const composite = composites.get(parent);
      if (!composite) break;
      visited.add(parent);
      const sum = below.get(parent);
      if (sum) sum.push(...pods);
      else below.set(parent, [...pods]);
      parent = parentOf(composite);
    }
  }
  return below;
}

/**
 * Rows by namespace (the order the API server lists in), each namespace's groups in tree order.
 * `compositePodGroups` are the 1.37 CompositePodGroups in view (none on a 1.36 cluster).
 */
export function statusRows(
  podGroups: readonly PodGroup[],
  pods: readonly Pod[],
  compositePodGroups: readonly CompositePodGroup[] = [],
): PodGroupStatusRow[] {
  const byGroup = podsByGroup(pods);
  const byNamespace = groupBy<Group, string>([...compositePodGroups, ...podGroups], namespaceOf);
  return [...byNamespace.keys()].sort().flatMap((namespace) => {
    const groups = byNamespace.get(namespace) ?? [];
    const below = podsBelow(groups, byGroup);
    return treeOrder(groups).map((group) =>
      statusRow(
        group,
        group.kind === 'CompositePodGroup' ? (below.get(nameOf(group)) ?? []) : (byGroup.get(groupKey(namespace, nameOf(group))) ?? []),
      ),
    );
  });
}
