// --write-snapshot: the input objects with the simulated outcome applied (spec.nodeName on bound pods,
// the PodGroupScheduled condition on groups that had a cycle), so a what-if can be chained.

import { POD_GROUP_SCHEDULED, knownKind, type Condition, type KubeObject, type Pod, type PodGroup } from '@kubectl-workload/api';
import type { Simulation, SimulationResult } from '@kubectl-workload/simulator';

function key(obj: KubeObject): string {
  return `${obj.metadata?.namespace || 'default'}/${obj.metadata?.name ?? ''}`;
}

function withNode(pod: Pod, node: string): Pod {
  return { ...pod, spec: { ...pod.spec, nodeName: node } };
}

function withCondition(group: PodGroup, condition: Condition): PodGroup {
  const others = (group.status?.conditions ?? []).filter((c) => c.type !== POD_GROUP_SCHEDULED);
  return { ...group, status: { ...group.status, conditions: [...others, condition] } };
}

export function applySimulation(objects: readonly KubeObject[], result: SimulationResult, simulation: Simulation): KubeObject[] {
  return objects.map((obj) => {
    const kind = knownKind(obj);
    if (kind === 'Pod') {
      const node = result.bindings.get(key(obj));
      return node ? withNode(obj as Pod, node) : obj;
    }
    if (kind === 'PodGroup') {
      const condition = simulation.conditionOf(obj.metadata?.namespace || 'default', obj.metadata?.name ?? '');
      return condition ? withCondition(obj as PodGroup, { ...condition }) : obj;
    }
    return obj;
  });
}

/** A `v1 List`, like `kubectl get -o yaml`. */
export function asList(objects: readonly KubeObject[]): KubeObject & { items: readonly KubeObject[] } {
  return { apiVersion: 'v1', kind: 'List', metadata: {}, items: objects } as KubeObject & { items: readonly KubeObject[] };
}
