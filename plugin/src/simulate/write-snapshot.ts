// --write-snapshot: the input objects with the simulated outcome applied (spec.nodeName on bound pods,
// status.nominatedNodeName on pods waiting for preemption, preemption victims removed, the
// PodGroupScheduled (1.37: PodGroupInitiallyScheduled) condition on groups that had a cycle), so a what-if can be chained.

import { knownKind, type Condition, type KubeObject, type Pod, type PodGroup } from '@kubectl-workload/api';
import type { Simulation, SimulationResult } from '@kubectl-workload/simulator';

function key(obj: KubeObject): string {
  return `${obj.metadata?.namespace || 'default'}/${obj.metadata?.name ?? ''}`;
}

function withNode(pod: Pod, node: string): Pod {
  return { ...pod, spec: { ...pod.spec, nodeName: node } };
}

/** Replaces the condition of the same type: PodGroupScheduled (1.36) or PodGroupInitiallyScheduled (1.37). */
function withCondition(group: PodGroup, condition: Condition): PodGroup {
  const others = (group.status?.conditions ?? []).filter((c) => c.type !== condition.type);
  return { ...group, status: { ...group.status, conditions: [...others, condition] } };
}

function withNomination(pod: Pod, node: string): Pod {
  return { ...pod, status: { ...pod.status, nominatedNodeName: node } };
}

export function applySimulation(objects: readonly KubeObject[], result: SimulationResult, simulation: Simulation): KubeObject[] {
  const evicted = new Set(result.victims.map((v) => `${v.namespace}/${v.name}`));
  const nominated = new Map(result.pods.filter((p) => p.nominatedNode).map((p) => [`${p.namespace}/${p.name}`, p.nominatedNode as string]));
  return objects.flatMap((obj) => {
    const kind = knownKind(obj);
    if (kind === 'Pod') {
      if (evicted.has(key(obj))) return [];
      const node = result.bindings.get(key(obj));
      const nomination = nominated.get(key(obj));
      return node ? withNode(obj, node) : nomination ? withNomination(obj, nomination) : obj;
    }
    if (kind === 'PodGroup') {
      const condition = simulation.conditionOf(obj.metadata?.namespace || 'default', obj.metadata?.name ?? '');
      return condition ? withCondition(obj, { ...condition }) : obj;
    }
    return obj;
  });
}

/** A `v1 List`, like `kubectl get -o yaml`. */
export function asList(objects: readonly KubeObject[]): KubeObject & { items: readonly KubeObject[] } {
  return { apiVersion: 'v1', kind: 'List', metadata: {}, items: objects };
}
