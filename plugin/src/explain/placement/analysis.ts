// Runs the simulator's PodGroup cycle for one group and condenses it for explain: the group
// outcome and predicted PodGroupScheduled condition, each pod's verdict and FitError, filter
// reasons counted over nodes, and for a topology constraint the per-domain table and a hint.

import { namespaceOf, nameOf, type Pod, type PodGroup } from '@kubectl-workload/api';
import { Simulation, describePreemption, type GroupOutcome, type PodOutcome, type PodResult, type PreemptionOptions, type SimulationInput } from '@kubectl-workload/simulator';
import { topologyAnalysis, wholeClusterHint, type TopologyAnalysis } from './domains.js';
import { profilesFor } from './profiles.js';
import { unavailableNodesHint } from './unavailable-nodes.js';

export interface PodVerdict {
  readonly name: string;
  readonly outcome: PodOutcome;
  readonly node: string | null;
  /** The pod's FitError or gang message, as the scheduler would write it. */
  readonly message: string | null;
}

export interface NodeReasonCount {
  readonly reason: string;
  /** Nodes that gave this reason for at least one pod of the group. */
  readonly nodes: number;
}

export interface PredictedCondition {
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

export interface PlacementAnalysis {
  readonly outcome: GroupOutcome;
  readonly message: string;
  readonly condition: PredictedCondition | null;
  readonly pods: readonly PodVerdict[];
  readonly nodeReasons: readonly NodeReasonCount[];
  readonly topology: TopologyAnalysis | null;
  readonly hint: string | null;
  readonly notes: readonly string[];
  /** With preemption on and the group not placed: whom it would evict, or why preemption cannot help. */
  readonly preemption?: string;
}

function membersOf(group: PodGroup, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => namespaceOf(p) === namespaceOf(group) && p.spec?.schedulingGroup?.podGroupName === nameOf(group));
}

/** Per reason, how many distinct nodes reported it for any pod (from the per-node filter traces). */
function countNodeReasons(results: readonly PodResult[]): NodeReasonCount[] {
  const nodesByReason = new Map<string, Set<string>>();
  for (const r of results) {
    for (const [node, plugins] of Object.entries(r.trace?.filter ?? {})) {
      for (const verdict of Object.values(plugins)) {
        if (verdict === 'passed') continue;
        for (const reason of verdict.split(', ')) {
          const nodes = nodesByReason.get(reason) ?? new Set<string>();
          nodes.add(node);
          nodesByReason.set(reason, nodes);
        }
      }
    }
  }
  return [...nodesByReason]
    .map(([reason, nodes]) => ({ reason, nodes: nodes.size }))
    .sort((a, b) => b.nodes - a.nodes || a.reason.localeCompare(b.reason));
}

/** The same cycle with DefaultPreemption and workload-aware preemption (spec scheduler.md §4), summarised. */
function preemptionSummary(input: SimulationInput, group: PodGroup, now: string, schedulerNames: readonly string[], preemption: PreemptionOptions): string {
  const result = new Simulation(input, { now, schedulerNames, diagnose: false, preemption }).runPodGroup(namespaceOf(group), nameOf(group));
  return describePreemption(result, namespaceOf(group), nameOf(group)).text;
}

export function analysePlacement(input: SimulationInput, group: PodGroup, now: string, preemption?: PreemptionOptions): PlacementAnalysis {
  const namespace = namespaceOf(group);
  const name = nameOf(group);
  const members = membersOf(group, input.pods);
  const profiles = profilesFor(members);
  const simulation = new Simulation(input, { trace: true, now, schedulerNames: profiles.names });
  const result = simulation.runPodGroup(namespace, name);
  const groupResult = result.podGroups.find((g) => g.namespace === namespace && g.name === name);
  const simulated = result.pods.filter((p) => p.namespace === namespace && p.podGroup === name);
  const bound = members.filter((p) => p.spec?.nodeName).map((p): PodVerdict => ({ name: nameOf(p), outcome: 'Scheduled', node: p.spec?.nodeName ?? null, message: null }));
  const pods = [...bound, ...simulated.map((p): PodVerdict => ({ name: p.name, outcome: p.outcome, node: p.node ?? null, message: p.message ?? null }))];
  const outcome: GroupOutcome = groupResult?.outcome ?? 'Scheduled';
  const topology = topologyAnalysis(input, group, members, profiles);
  const hint = outcome === 'Scheduled' ? null : (unavailableNodesHint(input, group, profiles.names) ?? topology?.hint ?? wholeClusterHint(input, group, members, profiles));
  const condition = groupResult?.condition;
  return {
    outcome,
    message: groupResult?.message ?? (bound.length === members.length ? 'every pod of the group is bound to a node' : ''),
    condition: condition ? { status: condition.status, reason: condition.reason, message: condition.message } : null,
    pods,
    nodeReasons: countNodeReasons([...simulated, ...(topology?.failed ?? [])]),
    topology: topology ? { key: topology.key, domains: topology.domains } : null,
    hint,
    notes: [...(groupResult?.notes ?? []), ...(groupResult?.tieBroken ? [groupResult.tieBroken] : []), ...(profiles.note ? [profiles.note] : [])],
    ...(preemption && outcome !== 'Scheduled' ? { preemption: preemptionSummary(input, group, now, profiles.names, preemption) } : {}),
  };
}
