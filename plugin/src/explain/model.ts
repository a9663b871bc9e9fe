// The structured result of `explain`: the chain Job → Workload → PodGroup → Pods → Nodes as a list
// of link checks, the first broken one with its fix, and the scheduling simulation beside the live
// state. Renderers turn it into text, JSON or YAML; nothing here prints.

import type { ExplainSetup } from './placement/profiles.js';
import type { CompositePodGroup, Job, Pod, PodGroup, PodGroupTemplate, Workload } from '@kubectl-workload/api';
import type { ClusterState, KubeEvent } from '@kubectl-workload/cluster';
import type { LiveComparison } from './live.js';
import type { KueueFinding } from './kueue/reader.js';
import type { PlacementAnalysis } from './placement/analysis.js';

export type TargetKind = 'PodGroup' | 'Pod' | 'Job' | 'Workload' | 'CompositePodGroup';

export interface TargetRef {
  readonly kind: TargetKind;
  readonly namespace: string;
  readonly name: string;
}

/** The links, in the order the chain visits them. */
export type LinkName =
  | 'job'
  | 'workload'
  | 'podgroup'
  | 'deletion'
  | 'parent'
  | 'children'
  | 'pods'
  | 'gates'
  | 'scheduler-name'
  | 'template'
  | 'placement'
  | 'live';

/** `warning`: wrong, but nothing is stuck because of it (a running gang that drifted from its template). */
export type LinkStatus = 'ok' | 'broken' | 'warning' | 'info';

export interface LinkResult {
  readonly link: LinkName;
  readonly status: LinkStatus;
  /** One line: what was found. */
  readonly summary: string;
  /** Supporting lines (reasons, counts, messages). */
  readonly details: readonly string[];
  /** What to do about a broken link. */
  readonly fix?: string;
  /** Spec rule ids and upstream references behind the finding (JOB-02, X-10, issue #141900). */
  readonly refs: readonly string[];
  /** When what the summary reports was last observed in the cluster (text shows it as an age). */
  readonly observedAt?: string;
  /** Every object the finding is about, `namespace/name` (details may fold a long list; JSON keeps it whole). */
  readonly objects?: readonly string[];
}

/** What the links found so far; each link may fill in the next object of the chain. */
export interface Walk {
  /** The namespace of the target: every object of the chain lives in it. */
  readonly namespace: string;
  readonly job?: Job;
  /** A PodGroup name to look up: a Pod's or a Job template's `spec.schedulingGroup.podGroupName`. */
  readonly podGroupName?: string;
  readonly workload?: Workload;
  readonly template?: PodGroupTemplate;
  readonly podGroup?: PodGroup;
  /** The target CompositePodGroup (1.37): its Workload, parents and children are walked instead of pods. */
  readonly compositePodGroup?: CompositePodGroup;
  /** The target Pod when it names no PodGroup: the gates link still reads its gates. */
  readonly pod?: Pod;
  /** Pods naming the PodGroup in `spec.schedulingGroup`. */
  readonly pods?: readonly Pod[];
  /** The simulated PodGroup cycle, once the placement link ran. */
  readonly placement?: PlacementAnalysis;
  readonly live?: LiveComparison;
  /** What Kueue says about a gang it gates, once the gates link ran. */
  readonly kueue?: KueueFinding;
}

/** The cluster as explain reads it: every namespace (nodes carry pods of all of them) plus events. */
export interface ExplainInput {
  readonly state: ClusterState;
  readonly events: readonly KubeEvent[];
  /** ISO timestamp the simulation stamps conditions with. */
  readonly now: string;
  /** Also simulate preemption and say whom the group would evict (`--no-preemption` turns it off; default here: off). */
  readonly preemption?: boolean;
  /** --feature-gates / --scheduler-config, resolved (default: every gate on, the default profile). */
  readonly setup?: ExplainSetup;
}

export interface LinkOutcome {
  readonly result: LinkResult;
  readonly walk: Walk;
}

/** One link of the chain: undefined when it does not apply to what was found so far. */
export type LinkCheck = (walk: Walk, input: ExplainInput) => LinkOutcome | undefined;

export interface Diagnosis {
  readonly target: TargetRef;
  readonly links: readonly LinkResult[];
  /** The first broken link, or null when every link holds. */
  readonly broken: LinkResult | null;
  readonly placement: PlacementAnalysis | null;
  readonly live: LiveComparison | null;
  /** Kueue's Workload, queues and verdict for a Kueue-gated gang, when the cluster view holds Kueue's objects. */
  readonly kueue: KueueFinding | null;
}

export function ok(link: LinkName, summary: string, details: readonly string[] = [], refs: readonly string[] = []): LinkResult {
  return { link, status: 'ok', summary, details, refs };
}

export function broken(
  link: LinkName,
  summary: string,
  fix: string,
  details: readonly string[] = [],
  refs: readonly string[] = [],
  observedAt?: string,
): LinkResult {
  return { link, status: 'broken', summary, details, fix, refs, ...(observedAt ? { observedAt } : {}) };
}

export function warning(
  link: LinkName,
  summary: string,
  fix: string,
  details: readonly string[] = [],
  refs: readonly string[] = [],
): LinkResult {
  return { link, status: 'warning', summary, details, fix, refs };
}

export function info(link: LinkName, summary: string, details: readonly string[] = [], refs: readonly string[] = []): LinkResult {
  return { link, status: 'info', summary, details, refs };
}
