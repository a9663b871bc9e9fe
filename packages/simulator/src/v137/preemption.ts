// Workload-aware preemption in 1.37 (scheduler-1.37.md §5; KEP-6012, PREEMPT37): evaluated only at
// the root of a hierarchy. A victim pod's unit is its highest ancestor with `disruptionMode: all`
// (a parent's all overrides descendants' single), else the pod alone; a unit's priority is its
// root group's. The preemptor's policy is the root group's with PodGroupPreemptionPolicy, else
// Never when any pod of the hierarchy says Never.

import type { SchedulerCache } from '../cluster.js';
import type { PodInfo } from '../pod-info.js';
import type { PriorityResolver } from '../preemption/priority.js';
import type { VictimUnit } from '../preemption/workload-aware.js';
import type { GroupNode, Hierarchy } from './hierarchy.js';
import { groupPreemptionPolicy, groupPriority } from './validation.js';

function disruptsAll(node: GroupNode): boolean {
  const mode = node.object.spec?.disruptionMode as { all?: unknown } | string | undefined;
  return typeof mode === 'object' && mode.all !== undefined;
}

/** The pod's ancestors from its PodGroup up to the root (just the PodGroup when no root is found). */
function ancestors(hierarchy: Hierarchy, leafKey: string): GroupNode[] {
  const leaf = hierarchy.podGroup(leafKey);
  if (!leaf) return [];
  const chain: GroupNode[] = [leaf];
  let node: GroupNode = leaf;
  while (node.parent !== undefined && chain.length <= 8) {
    const parent = hierarchy.composite(node.namespace, node.parent);
    if (!parent) break;
    chain.push(parent);
    node = parent;
  }
  return chain;
}

/** Every bound pod grouped into victim units, with priorities; only units below `below` are kept. */
export function victimUnits(cluster: SchedulerCache, hierarchy: Hierarchy, priorities: PriorityResolver, below: number): VictimUnit[] {
  const whole = new Map<string, { pods: PodInfo[]; priority: number }>();
  const units: VictimUnit[] = [];
  for (const pods of cluster.podsOnNode) {
    for (const pod of pods) {
      const chain = pod.groupKey ? ancestors(hierarchy, pod.groupKey) : [];
      const root = chain.at(-1);
      const priority = root ? groupPriority(priorities, root) : pod.priority;
      if (priority >= below) continue;
      const unit = chain.findLast(disruptsAll);
      if (!unit) {
        units.push({ pods: [pod], group: undefined, priority });
        continue;
      }
      const key = `${unit.kind}/${unit.key}`;
      const entry = whole.get(key) ?? { pods: [], priority };
      entry.pods.push(pod);
      whole.set(key, entry);
    }
  }
  return [...[...whole].map(([group, { pods, priority }]) => ({ pods, group, priority })), ...units];
}

/** Whether the hierarchy may preempt at all (PREEMPT37 preemptor eligibility). */
export function mayPreempt(root: GroupNode, pods: readonly PodInfo[], priorities: PriorityResolver, policyGate: boolean): boolean {
  if (policyGate) return groupPreemptionPolicy(root) !== 'Never';
  return pods.every((p) => priorities.podPreemptionPolicy(p) !== 'Never');
}
