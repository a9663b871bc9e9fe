// Nodes the scheduler skips for their state, not their capacity: cordoned (spec.unschedulable) or
// carrying a node-lifecycle taint (NotReady, unreachable). When the gang would fit once they are
// back, that is the answer, not "add nodes".

import { namespaceOf, nameOf, type Node, type PodGroup } from '@kubectl-workload/api';
import { Simulation, type SimulationInput } from '@kubectl-workload/simulator';
import type { Profiles } from './profiles.js';

/** Taints the node lifecycle controller sets and removes by itself (k8s.io/api/core/v1 well_known_taints.go). */
const LIFECYCLE_TAINTS: Readonly<Record<string, string>> = {
  'node.kubernetes.io/not-ready': 'is NotReady',
  'node.kubernetes.io/unreachable': 'is unreachable',
  'node.kubernetes.io/unschedulable': 'is cordoned',
  'node.kubernetes.io/network-unavailable': 'has no network',
};

function why(node: Node): string | undefined {
  if (node.spec?.unschedulable) return `is cordoned (kubectl uncordon ${nameOf(node)})`;
  const taint = node.spec?.taints?.find((t) => LIFECYCLE_TAINTS[t.key] && t.effect !== 'PreferNoSchedule');
  return taint ? `${LIFECYCLE_TAINTS[taint.key] ?? ''} (taint ${taint.key}:${taint.effect})` : undefined;
}

/** The node as it is once uncordoned and Ready. */
function restored(node: Node): Node {
  const taints = node.spec?.taints?.filter((t) => !LIFECYCLE_TAINTS[t.key]);
  return { ...node, spec: { ...node.spec, unschedulable: false, ...(taints ? { taints } : {}) } };
}

/**
 * A hint naming the unavailable nodes the gang would fit on, or null when restoring them would not help.
 * The counterfactual runs with the same gates and profiles as the group's own cycle.
 */
export function unavailableNodesHint(input: SimulationInput, group: PodGroup, profiles: Profiles): string | null {
  const unavailable = input.nodes.flatMap((node) => {
    const reason = why(node);
    return reason ? [{ node, reason }] : [];
  });
  if (unavailable.length === 0) return null;
  const nodes = input.nodes.map((n) => (why(n) ? restored(n) : n));
  const result = new Simulation({ ...input, nodes }, { diagnose: false, ...profiles.simulation }).runPodGroup(
    namespaceOf(group),
    nameOf(group),
  );
  const outcome = result.podGroups.find((g) => g.namespace === namespaceOf(group) && g.name === nameOf(group))?.outcome;
  if (outcome !== 'Scheduled') return null;
  const used = new Set(result.pods.filter((p) => p.podGroup === nameOf(group) && p.namespace === namespaceOf(group)).map((p) => p.node));
  const named = unavailable.filter((u) => used.has(nameOf(u.node)));
  const listed = (named.length ? named : unavailable).map((u) => `${nameOf(u.node)} ${u.reason}`).join('; ');
  return `the gang would fit once these nodes are back: ${listed}; no new nodes are needed`;
}
