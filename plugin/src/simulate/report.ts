// `kubectl workload simulate`, independent of where the objects come from: objects in, a stable
// JSON-able report out (documented in docs/json-output.md). A live-cluster source can call
// runSimulateCommand with the objects it listed.

import { allGatesOn, type FeatureGates, type KubeObject, type KubeVersion, type Pod } from '@kubectl-workload/api';
import {
  Simulation,
  defaultProfile,
  GATED_CONDITION,
  kubernetes137Notes,
  nodeTieNote,
  STATUS_MODEL_NOTE,
  type CompositePodGroupResult,
  type PodGroupResult,
  podDisruptionBudgets,
  simulationInput,
  type GroupOutcome,
  type PodOutcome,
  type SchedulerConfiguration,
  type SimulationResult,
  type Victim,
  volumeNotes,
  draNotes,
} from '@kubectl-workload/simulator';

import { reportPlacements, type ReportPlacements } from './placements.js';
import { GangReasons, simulationNodeMap } from './node-map.js';
import type { NodeMap } from '../explain/placement/node-cells.js';
import type { NodeReasonCount } from '../explain/placement/node-reasons.js';

export type { ReportPlacements } from './placements.js';

export const REPORT_KIND = 'SimulationReport';

/** Standing differences from kube-scheduler that every report states (docs/commands/simulate.md). */
export const SIMULATION_NOTES: readonly string[] = [
  'every node is evaluated (no percentageOfNodesToScore sampling); equal-score ties go to the first node or placement by name, where kube-scheduler picks at random',
  'pending pods are retried in queue order (priority, then creation time) until a pass binds nothing; backoff is not modelled',
  'preemption (PostFilter) is not simulated: pods that would need it are reported Unschedulable',
];

/** The notes of a run with preemption: the first two of SIMULATION_NOTES, then how preemption differs. */
export const PREEMPTION_NOTES: readonly string[] = [
  ...SIMULATION_NOTES.slice(0, 2),
  'preemption victims are deleted at once and a pod or group waiting on preemption is retried in the next pass; kube-scheduler waits for graceful termination and retries nominated pods after backoff',
  'pod-by-pod preemption dry-runs candidate nodes in name order and breaks ties by name; kube-scheduler starts at a random node and breaks ties in map order',
];

export interface SimulateOptions {
  /** `namespace/name`: run one PodGroup cycle instead of running to quiescence. */
  readonly podGroup?: string;
  /** Condition timestamps (default: now). */
  readonly now?: string;
  /** Simulate DefaultPreemption (the command's default; `--no-preemption` turns it off). Default here: off. */
  readonly preemption?: boolean;
  /** The kube-scheduler's feature gates (default: all gates of the version on, like our other tools). */
  readonly gates?: FeatureGates;
  /** The kube-scheduler version modelled (default 1.36). */
  readonly kubeVersion?: KubeVersion;
  /** --scheduler-config (default: the v1.36 default profile). */
  readonly schedulerConfig?: SchedulerConfiguration;
  /** Which groups and pods the report lists and counts (default: all); victims are always listed. */
  readonly include?: ReportSelection;
  /** Add `nodeMap` and each gang's `nodeReasons` for the placement picture (`-o html`), grouped by `groupBy` when given. */
  readonly picture?: { readonly groupBy?: string };
}

/** `-n NS` or the what-if objects of `-f`: the simulation still runs over the whole cluster. */
export interface ReportSelection {
  podGroup(namespace: string, name: string): boolean;
  pod(namespace: string, name: string, podGroup: string | null): boolean;
}

export interface ReportCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

export interface ReportPodGroup {
  readonly namespace: string;
  readonly name: string;
  /** 1.37: the parent CompositePodGroup (null for a root or under 1.36). */
  readonly parent: string | null;
  readonly policy: 'gang' | 'basic' | 'unknown';
  readonly minCount: number | null;
  readonly outcome: GroupOutcome;
  readonly message: string;
  readonly condition: ReportCondition | null;
  readonly placements: ReportPlacements | null;
  readonly tieBroken: string | null;
  readonly notes: readonly string[];
  /** Only for the picture (`-o html`): filter reasons over nodes from the gang's FitErrors in this run. */
  readonly nodeReasons?: readonly NodeReasonCount[];
}

/** A 1.37 CompositePodGroup after the run (`compositePodGroups[]`). */
export interface ReportCompositePodGroup {
  readonly namespace: string;
  readonly name: string;
  readonly parent: string | null;
  readonly policy: 'gang' | 'basic';
  readonly minGroupCount: number | null;
  readonly outcome: CompositePodGroupResult['outcome'];
  readonly message: string;
  readonly condition: ReportCondition | null;
  /** Child groups in evaluation order. */
  readonly children: CompositePodGroupResult['children'];
  readonly placements: ReportPlacements | null;
  readonly notes: readonly string[];
}

export interface ReportPod {
  readonly namespace: string;
  readonly name: string;
  readonly podGroup: string | null;
  readonly outcome: PodOutcome;
  readonly node: string | null;
  readonly message: string | null;
  readonly tieBroken: string | null;
  /** The node the pod is nominated to while its preemption victims leave. */
  readonly nominatedNode: string | null;
  /** The scheduling gates holding a Gated pod at SchedulingGates PreEnqueue, in spec order. */
  readonly schedulingGates: readonly string[] | null;
  /** PodScheduled=False/SchedulingGated, as the API server sets it on a pod created with gates; null otherwise. */
  readonly condition: ReportCondition | null;
}

/** A pod preemption evicts (the JSON `victims[]`). */
export interface ReportVictim {
  readonly namespace: string;
  readonly name: string;
  readonly node: string;
  readonly priority: number;
  readonly podGroup: string | null;
  /** The DisruptionTarget condition message the victim would get. */
  readonly reason: string;
  /** `namespace/name` of the preempting pod, or of the PodGroup for workload-aware preemption. */
  readonly preemptor: string;
  /** The preemptor's PodGroup name. */
  readonly preemptorGroup: string | null;
  readonly mechanism: Victim['mechanism'];
}

export interface SimulateReport {
  readonly kind: typeof REPORT_KIND;
  readonly schedulerVersion: `v${KubeVersion}`;
  readonly mode: 'quiescence' | 'podGroup';
  /** The gates the run modelled. */
  readonly featureGates: FeatureGates;
  /** The profiles the run modelled, with their NodeResourcesFit scoring strategy. */
  readonly profiles: readonly ReportProfile[];
  readonly nodes: number;
  readonly podGroups: readonly ReportPodGroup[];
  /** 1.37 group hierarchies; empty under 1.36. */
  readonly compositePodGroups: readonly ReportCompositePodGroup[];
  readonly pods: readonly ReportPod[];
  /** `Preempted` is present only when preemption was simulated. */
  readonly summary: Readonly<Record<Exclude<PodOutcome, 'Preempted'>, number> & { Preempted?: number }>;
  /** Empty when preemption was not simulated. */
  readonly victims: readonly ReportVictim[];
  readonly notes: readonly string[];
  /** Only for the picture (`-o html`): every node after the run (docs/json-output.md). */
  readonly nodeMap?: NodeMap;
}

export interface ReportProfile {
  readonly schedulerName: string;
  readonly scoringStrategy: string;
}

export interface SimulateRun {
  readonly report: SimulateReport;
  /** The raw result, for --write-snapshot and explain. */
  readonly result: SimulationResult;
  readonly simulation: Simulation;
}

export class SimulateInputError extends Error {}

function splitGroup(ref: string): { namespace: string; name: string } {
  const parts = ref.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new SimulateInputError(`--pod-group must be NAME or NAMESPACE/NAME, got ${JSON.stringify(ref)}`);
  return { namespace: parts[0], name: parts[1] };
}

interface RunSetup {
  readonly kubeVersion: KubeVersion;
  readonly gates: FeatureGates;
  readonly profiles: readonly ReportProfile[];
  readonly configNotes: readonly string[];
}

/** The fields PodGroups and CompositePodGroups report alike. */
function groupFields(g: PodGroupResult | CompositePodGroupResult) {
  return {
    namespace: g.namespace,
    name: g.name,
    parent: g.parent ?? null,
    outcome: g.outcome,
    message: g.message,
    condition: reportCondition(g.condition),
    placements: reportPlacements(g.placements),
    notes: g.notes,
  };
}

function reportCondition(c: SimulationResult['podGroups'][number]['condition']): ReportCondition | null {
  return c ? { type: c.type, status: c.status, reason: c.reason, message: c.message } : null;
}

/** What a 1.37 run states besides the standing notes: the §3.4 variant, and that composite conditions are the API's. */
export const KUBERNETES_1_37_CYCLE_NOTES: readonly string[] = [
  STATUS_MODEL_NOTE,
  'compositePodGroups[].condition is CompositePodGroupInitiallyScheduled as the API defines it; the 1.37-development scheduler read writes conditions on leaf PodGroups only (scheduler-1.37.md §3.5 UNVERIFIED)',
  'Kubernetes 1.37 group cycles preempt only at the root of a hierarchy (workload-aware, when preemption is simulated); the hierarchy is retried in the next pass after its victims leave, without nominated nodes; pods of a PodGroup get no pod-by-pod preemption inside a group cycle',
];

function toReport(
  result: SimulationResult,
  mode: SimulateReport['mode'],
  nodes: number,
  preemption: boolean,
  setup: RunSetup,
  include?: ReportSelection,
): SimulateReport {
  const selectedGroups = include ? result.podGroups.filter((g) => include.podGroup(g.namespace, g.name)) : result.podGroups;
  const selectedPods = include ? result.pods.filter((p) => include.pod(p.namespace, p.name, p.podGroup ?? null)) : result.pods;
  const podGroups = selectedGroups.map(
    (g): ReportPodGroup => ({
      ...groupFields(g),
      policy: g.policy,
      minCount: g.minCount ?? null,
      tieBroken: g.tieBroken ?? null,
    }),
  );
  const selectedComposites = include
    ? result.compositePodGroups.filter((c) => include.podGroup(c.namespace, c.name))
    : result.compositePodGroups;
  const compositePodGroups = selectedComposites.map(
    (c): ReportCompositePodGroup => ({
      ...groupFields(c),
      policy: c.policy,
      minGroupCount: c.minGroupCount ?? null,
      children: c.children,
    }),
  );
  const pods = selectedPods.map(
    (p): ReportPod => ({
      namespace: p.namespace,
      name: p.name,
      podGroup: p.podGroup ?? null,
      outcome: p.outcome,
      node: p.node ?? null,
      message: p.message ?? null,
      tieBroken: p.tie && p.node ? nodeTieNote(p.tie, p.node) : null,
      nominatedNode: p.nominatedNode ?? null,
      schedulingGates: p.schedulingGates ?? null,
      condition: p.schedulingGates ? { type: 'PodScheduled', status: 'False', ...GATED_CONDITION } : null,
    }),
  );
  const summary: Record<PodOutcome, number> = { Scheduled: 0, Unschedulable: 0, Gated: 0, Preempted: 0 };
  for (const p of pods) summary[p.outcome]++;
  const { Preempted, ...plain } = summary;
  const victims = result.victims.map(
    (v): ReportVictim => ({ ...v, podGroup: v.podGroup ?? null, preemptorGroup: v.preemptorGroup ?? null }),
  );
  return {
    kind: REPORT_KIND,
    schedulerVersion: `v${setup.kubeVersion}`,
    mode,
    featureGates: setup.gates,
    profiles: setup.profiles,
    nodes,
    podGroups,
    compositePodGroups,
    pods,
    summary: preemption ? { ...plain, Preempted } : plain,
    victims,
    notes: [...(preemption ? PREEMPTION_NOTES : SIMULATION_NOTES), ...setup.configNotes],
  };
}

export function runSimulateCommand(objects: readonly KubeObject[], options: SimulateOptions = {}): SimulateRun {
  const preemption = options.preemption === true ? { workloadAware: true, podDisruptionBudgets: podDisruptionBudgets(objects) } : undefined;
  const kubeVersion = options.kubeVersion ?? '1.36';
  const gates = options.gates ?? allGatesOn(kubeVersion);
  const profiles = options.schedulerConfig?.profiles;
  const reasons = options.picture ? new GangReasons() : undefined;
  const simulation = new Simulation(simulationInput(objects), {
    ...(reasons ? { onUnschedulable: reasons.onUnschedulable } : {}),
    gates,
    kubeVersion,
    ...(profiles ? { profiles } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(preemption ? { preemption } : {}),
  });
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod');
  const setup: RunSetup = {
    kubeVersion,
    gates,
    profiles: (profiles ?? [defaultProfile()]).map((p) => ({ schedulerName: p.schedulerName, scoringStrategy: p.fitStrategy.type })),
    configNotes: [
      ...(options.schedulerConfig?.notes ?? []),
      ...(kubeVersion === '1.37' ? KUBERNETES_1_37_CYCLE_NOTES : kubernetes137Notes(objects)),
      ...volumeNotes(pods),
      ...draNotes(pods),
    ],
  };
  let result: SimulationResult;
  if (options.podGroup !== undefined) {
    const { namespace, name } = splitGroup(options.podGroup);
    result = simulation.runPodGroup(namespace, name);
    if (!result.podGroups.some((g) => g.namespace === namespace && g.name === name)) {
      throw new SimulateInputError(`--pod-group ${options.podGroup}: no pending pod refers to this PodGroup`);
    }
  } else {
    result = simulation.runToQuiescence();
  }
  const report = toReport(
    result,
    options.podGroup ? 'podGroup' : 'quiescence',
    simulation.cluster.nodeCount,
    preemption !== undefined,
    setup,
    options.include,
  );
  return { report: reasons ? withPicture(report, simulation, objects, reasons, options.picture?.groupBy) : report, result, simulation };
}

function withPicture(
  report: SimulateReport,
  simulation: Simulation,
  objects: readonly KubeObject[],
  reasons: GangReasons,
  groupBy: string | undefined,
): SimulateReport {
  const key = groupBy ?? report.podGroups.find((g) => g.placements)?.placements?.key;
  const placed = report.pods.filter((p) => p.podGroup !== null);
  return {
    ...report,
    podGroups: report.podGroups.map((g) => ({ ...g, nodeReasons: reasons.of(g.namespace, g.name) })),
    nodeMap: simulationNodeMap(simulation, objects, reasons, key, placed),
  };
}
