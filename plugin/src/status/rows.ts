// One status row per PodGroup: what `kubectl get podgroups` cannot show today (kubectl has no
// table columns for scheduling.k8s.io/v1alpha2), computed from the PodGroup and the pods naming it.

import { namespaceOf, nameOf, POD_GROUP_SCHEDULED, type Pod, type PodGroup } from '@kubectl-workload/api';
import { writtenTemplateRef } from '@kubectl-workload/rules';

export interface PodGroupStatusRow {
  readonly namespace: string;
  readonly name: string;
  /** `spec.podGroupTemplateRef.workload`, when the PodGroup was made from a Workload template. */
  readonly workload: { readonly name: string; readonly template: string } | null;
  readonly policy: 'Gang' | 'Basic' | 'Unknown';
  /** Gang `minCount`; null for basic groups. */
  readonly minCount: number | null;
  readonly pods: { readonly scheduled: number; readonly total: number };
  /** The `PodGroupScheduled` condition (scheduler.md §5.2), null until the scheduler wrote one. */
  readonly scheduled: { readonly status: string; readonly reason: string; readonly message: string } | null;
  readonly topologyKey: string | null;
  readonly priorityClassName: string | null;
  readonly priority: number | null;
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

function policyOf(group: PodGroup): PodGroupStatusRow['policy'] {
  const policy = group.spec?.schedulingPolicy;
  if (policy?.gang) return 'Gang';
  if (policy?.basic) return 'Basic';
  return 'Unknown';
}

export function statusRow(group: PodGroup, members: readonly Pod[]): PodGroupStatusRow {
  const spec = group.spec ?? {};
  const ref = writtenTemplateRef(group);
  const condition = group.status?.conditions?.find((c) => c.type === POD_GROUP_SCHEDULED);
  return {
    namespace: namespaceOf(group),
    name: nameOf(group),
    workload: ref ? { name: ref.workloadName, template: ref.templateName } : null,
    policy: policyOf(group),
    minCount: spec.schedulingPolicy?.gang?.minCount ?? null,
    pods: { scheduled: members.filter(isScheduled).length, total: members.length },
    scheduled: condition ? { status: condition.status ?? '', reason: condition.reason ?? '', message: condition.message ?? '' } : null,
    topologyKey: spec.schedulingConstraints?.topology?.[0]?.key ?? null,
    priorityClassName: spec.priorityClassName ?? null,
    priority: spec.priority ?? null,
    disruptionMode: spec.disruptionMode ?? null,
    labels: group.metadata?.labels ?? {},
    creationTimestamp: group.metadata?.creationTimestamp ?? null,
  };
}

/** Rows sorted by namespace, then name: the order the API server lists objects in. */
export function statusRows(groups: readonly PodGroup[], pods: readonly Pod[]): PodGroupStatusRow[] {
  const byGroup = podsByGroup(pods);
  return groups
    .map((group) => statusRow(group, byGroup.get(groupKey(namespaceOf(group), nameOf(group))) ?? []))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
