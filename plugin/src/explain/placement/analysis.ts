// Runs the simulator's PodGroup cycle for one group and condenses it for explain: the group
// outcome and predicted PodGroupScheduled condition, each pod's verdict and FitError, filter
// reasons counted over nodes, and for a topology constraint the per-domain table and a hint.

import { allGatesOn, namespaceOf, nameOf, type FeatureGates, type KubeVersion, type Pod, type PodGroup } from '@kubectl-workload/api';
import {
  Simulation,
  describePreemption,
  podRequests,
  kubernetes137Notes,
  type GroupOutcome,
  type PodAttempt,
  type PodOutcome,
  type PreemptionOptions,
  type SimulationInput,
  volumeNotes,
  draNotes,
} from '@kubectl-workload/simulator';
import { analyseDevices, deviceHint, type DeviceAnalysis } from './devices.js';
import { explainComposite, type CompositeExplanation } from './composite.js';
import { topologyAnalysis, wholeClusterHint, type TopologyAnalysis } from './domains.js';
import { profilesFor, type ExplainSetup, type Profiles } from './profiles.js';
import { unavailableNodesHint } from './unavailable-nodes.js';
import { volumeHint } from './volume-hint.js';
import { nodeMap, type NodeMap } from './node-cells.js';
import { reportPlacements, type ReportPlacements } from '../../simulate/placements.js';
import { NodeReasons, type NodeReasonCount } from './node-reasons.js';

export type { NodeReasonCount } from './node-reasons.js';

export interface PodVerdict {
  readonly name: string;
  readonly outcome: PodOutcome;
  readonly node: string | null;
  /** The pod's FitError or gang message, as the scheduler would write it. */
  readonly message: string | null;
}

export interface PredictedCondition {
  /** PodGroupScheduled (1.36) or PodGroupInitiallyScheduled (1.37). */
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

export interface PlacementAnalysis {
  /** Which scheduler profile and NodeResourcesFit scoring strategy decided. */
  readonly profile: string;
  /** The kube-scheduler gates the simulation ran with. */
  readonly featureGates: FeatureGates;
  /** The kube-scheduler version simulated. */
  readonly kubeVersion: KubeVersion;
  /** 1.37: the group's hierarchy top-down, when it has a parent CompositePodGroup. */
  readonly composite: CompositeExplanation | null;
  readonly outcome: GroupOutcome;
  readonly message: string;
  readonly condition: PredictedCondition | null;
  readonly pods: readonly PodVerdict[];
  readonly nodeReasons: readonly NodeReasonCount[];
  readonly topology: TopologyAnalysis | null;
  /** The cycle's placements (generated, feasible, chosen, scores), as `simulate -o json` reports them; null without a topology key. */
  readonly placements: ReportPlacements | null;
  /** DRA: the members' claim requests and the devices free for them before the cycle. */
  readonly devices: DeviceAnalysis | null;
  readonly hint: string | null;
  readonly notes: readonly string[];
  /** With preemption on and the group not placed: whom it would evict, or why preemption cannot help. */
  readonly preemption?: string;
  /** The pods that preemption would evict, each on its node with the priority it was judged by. */
  readonly victims?: readonly PreemptionVictim[];
  /** Every node with its domain, free share of the blocking resource, reasons and members (the picture draws these). */
  readonly nodeMap: NodeMap;
}

export interface PreemptionVictim {
  readonly namespace: string;
  readonly name: string;
  readonly node: string;
  readonly priority: number;
  readonly podGroup: string | null;
}

/** The resources the group's members request, for choosing the picture's blocking resource. */
function requestedResources(members: readonly Pod[]): string[] {
  return [...new Set(members.flatMap((p) => [...podRequests(p).requests.keys()]))];
}

function membersOf(group: PodGroup, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => namespaceOf(p) === namespaceOf(group) && p.spec?.schedulingGroup?.podGroupName === nameOf(group));
}

/** The same cycle with DefaultPreemption and workload-aware preemption (spec scheduler.md §4), summarised. */
function preemptionSummary(
  input: SimulationInput,
  group: PodGroup,
  now: string,
  profiles: Profiles,
  preemption: PreemptionOptions,
): { preemption: string; victims: PreemptionVictim[] } {
  const result = new Simulation(input, { now, ...profiles.simulation, diagnose: false, preemption }).runPodGroup(
    namespaceOf(group),
    nameOf(group),
  );
  const summary = describePreemption(result, namespaceOf(group), nameOf(group));
  const victims = summary.victims.map((v) => ({
    namespace: v.namespace,
    name: v.name,
    node: v.node,
    priority: v.priority,
    podGroup: v.podGroup ?? null,
  }));
  return { preemption: summary.text, victims };
}

export function analysePlacement(
  input: SimulationInput,
  group: PodGroup,
  now: string,
  preemption?: PreemptionOptions,
  setup: ExplainSetup = {},
): PlacementAnalysis {
  const namespace = namespaceOf(group);
  const name = nameOf(group);
  const members = membersOf(group, input.pods);
  const profiles = profilesFor(members, setup);
  const reasons = new NodeReasons();
  // With a topology key the cycle evaluates every domain; per-node traces of all those attempts
  // would cost gigabytes on big clusters, so the reasons come from the FitErrors as they happen.
  const topologyKey = group.spec?.schedulingConstraints?.topology?.[0]?.key;
  const traceOptions = topologyKey ? { onUnschedulable: (attempt: PodAttempt) => reasons.addFitError(attempt) } : { trace: true };
  const simulation = new Simulation(input, { ...traceOptions, now, ...profiles.simulation });
  const requestedBefore = simulation.cluster.requested.slice();
  const devices = analyseDevices(simulation, members);
  const result = simulation.runPodGroup(namespace, name);
  const groupResult = result.podGroups.find((g) => g.namespace === namespace && g.name === name);
  const simulated = result.pods.filter((p) => p.namespace === namespace && p.podGroup === name);
  const bound = members
    .filter((p) => p.spec?.nodeName)
    .map((p): PodVerdict => ({ name: nameOf(p), outcome: 'Scheduled', node: p.spec?.nodeName ?? null, message: null }));
  const pods = [
    ...bound,
    ...simulated.map((p): PodVerdict => ({ name: p.name, outcome: p.outcome, node: p.node ?? null, message: p.message ?? null })),
  ];
  const outcome: GroupOutcome = groupResult?.outcome ?? 'Scheduled';
  const topology = topologyAnalysis(input, group, members, profiles, groupResult?.placements?.domains);
  reasons.addTraces([...simulated, ...(topology?.failed ?? [])]);
  const nodeReasons = reasons.counts();
  const kubeVersion = setup.kubeVersion ?? '1.36';
  const composite = kubeVersion === '1.37' ? explainComposite(result, namespace, name) : null;
  // 1.37: a failure decided above the group (its composite tree) is fixed there first.
  const hint =
    outcome === 'Scheduled'
      ? null
      : (composite?.fix ??
        unavailableNodesHint(input, group, profiles) ??
        topology?.hint ??
        volumeHint(nodeReasons) ??
        deviceHint(devices, nodeReasons) ??
        wholeClusterHint(input, group, members, profiles));
  const condition = groupResult?.condition;
  return {
    profile: profiles.decidedBy,
    featureGates: setup.gates ?? allGatesOn(kubeVersion),
    kubeVersion,
    composite,
    outcome,
    message: groupResult?.message ?? (bound.length === members.length ? 'every pod of the group is bound to a node' : ''),
    condition: condition ? { type: condition.type, status: condition.status, reason: condition.reason, message: condition.message } : null,
    pods,
    nodeReasons,
    topology: topology ? { key: topology.key, domains: topology.domains } : null,
    placements: reportPlacements(groupResult?.placements),
    devices,
    hint,
    notes: [
      ...(groupResult?.notes ?? []),
      ...(groupResult?.tieBroken ? [groupResult.tieBroken] : []),
      ...(profiles.note ? [profiles.note] : []),
      ...(setup.config?.notes ?? []),
      ...(kubeVersion === '1.37' ? [] : kubernetes137Notes([group])),
      ...volumeNotes(members),
      ...draNotes(members),
    ],
    ...(preemption && outcome !== 'Scheduled' ? preemptionSummary(input, group, now, profiles, preemption) : {}),
    nodeMap: nodeMap(
      simulation.cluster,
      requestedBefore,
      topologyKey ?? setup.groupBy,
      nodeReasons,
      reasons.byNode(),
      pods,
      requestedResources(members),
    ),
  };
}
