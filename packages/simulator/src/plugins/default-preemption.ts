// Pod-by-pod DefaultPreemption (PostFilter) as in v1.36 (spec scheduler.md §1.4, §4, §5.1):
// eligibility, candidate nodes (nodes whose failure is UnschedulableAndUnresolvable are skipped),
// a dry run per node up to max(10% of the candidates, 100) candidates, then the upstream choice of
// one node: fewest PDB violations, lowest highest-victim priority, smallest priority sum, fewest
// victims, latest start of the most important victims. Upstream starts the dry run at a random
// node and breaks the final tie by map order; here both follow node-name order and the tie is reported.

import type { PodInfo } from '../pod-info.js';
import * as dynamicResources from './dynamic-resources.js';
import type { PodAttempt, PodScheduler } from '../schedule-pod.js';
import { fitErrorMessage, type FilterStatus } from '../status.js';
import { PREEMPTION_MESSAGE } from '../preemption/messages.js';
import type { Budget } from '../preemption/pdb.js';
import { startTime, type PriorityResolver } from '../preemption/priority.js';
import { selectVictimsOnNode, type NodeVictims } from '../preemption/select-victims.js';

export const NAME = 'DefaultPreemption';

const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;
/** MaxInt32 + 1, added to every priority so that sums compare like counts (minSumPrioritiesScoreFunc). */
const PRIORITY_OFFSET = 2 ** 31;

const NOT_HELPFUL_STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_MESSAGE.notHelpful] };

export interface PodPreemption {
  /** The nominated node, when preemption helps. */
  readonly node: number | undefined;
  readonly victims: readonly PodInfo[];
  /** The PostFilter message (empty on success), DynamicResources' reason included. */
  readonly message: string;
  /** Set when several candidate nodes tied after every upstream criterion. */
  readonly tie: CandidateTie | undefined;
}

export interface CandidateTie {
  readonly count: number;
  /** The first tied candidates by name (at most 10); the first one was chosen. */
  readonly nodes: readonly string[];
}

/** At most this many tied candidate names are kept. */
const TIE_NAMES = 10;

export interface PreemptionEnv {
  readonly scheduler: PodScheduler;
  readonly priorities: PriorityResolver;
  /** PDB budgets, computed when first needed. */
  readonly budgets: () => readonly Budget[];
  /** The node a pod is nominated to, from the snapshot or an earlier preemption of this run. */
  readonly nominatedNode: (pod: PodInfo) => number | undefined;
}

/** RunPostFilterPlugins joins the reasons of DynamicResources (first, when enabled) and DefaultPreemption. */
function postFilterMessage(scheduler: PodScheduler, pod: PodInfo, preemption: string): string {
  const own = `${PREEMPTION_MESSAGE.prefix}${preemption}`;
  const { dra } = scheduler.cluster;
  if (!scheduler.profile.filters.includes(dynamicResources.NAME)) return own;
  const reason = dra ? dra.postFilter(pod, scheduler.cluster.nodes) : dynamicResources.DRA_MESSAGE.noNewClaims;
  return `${reason}, ${own}`;
}

function failed(scheduler: PodScheduler, pod: PodInfo, preemption: string): PodPreemption {
  return { node: undefined, victims: [], message: postFilterMessage(scheduler, pod, preemption), tie: undefined };
}

/** PodTerminatingByPreemption: being deleted, with DisruptionTarget/PreemptionByScheduler. */
export function terminatingByPreemption(p: PodInfo): boolean {
  return (
    p.terminating && (p.pod.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler')
  );
}

/** PodEligibleToPreemptOthers; undefined when eligible. */
function ineligibility(env: PreemptionEnv, pod: PodInfo, statuses: ReadonlyMap<string, FilterStatus>): string | undefined {
  if (env.priorities.podPreemptionPolicy(pod) === 'Never') return PREEMPTION_MESSAGE.policyNever;
  const nominated = env.nominatedNode(pod);
  if (nominated === undefined) return undefined;
  const { cluster } = env.scheduler;
  if (statuses.get(cluster.nodes[nominated]?.name ?? '')?.code === 'UnschedulableAndUnresolvable') return undefined;
  const blocking = (cluster.podsOnNode[nominated] ?? []).some((p) => p.priority < pod.priority && terminatingByPreemption(p));
  return blocking ? PREEMPTION_MESSAGE.terminatingOnNominated : undefined;
}

/** GetEarliestPodStartTime: the earliest start among the highest-priority victims. */
function earliestStart(victims: readonly PodInfo[]): number {
  let top = -Infinity;
  let earliest = Infinity;
  for (const v of victims) {
    if (v.priority > top) {
      top = v.priority;
      earliest = startTime(v);
    } else if (v.priority === top) earliest = Math.min(earliest, startTime(v));
  }
  return earliest;
}

const CRITERIA: readonly ((c: NodeVictims) => number)[] = [
  (c) => -c.pdbViolations,
  (c) => -(c.victims[0]?.priority ?? 0),
  (c) => -c.victims.reduce((sum, v) => sum + v.priority + PRIORITY_OFFSET, 0),
  (c) => -c.victims.length,
  (c) => earliestStart(c.victims),
];

/** pickOneNodeForPreemption: each criterion keeps the best-scoring candidates; ties go on to the next. */
function pickOne(candidates: readonly NodeVictims[]): { chosen: NodeVictims; tied: readonly NodeVictims[] } {
  let left = candidates;
  for (const score of CRITERIA) {
    let best = -Infinity;
    let kept: NodeVictims[] = [];
    for (const c of left) {
      const s = score(c);
      if (s > best) {
        best = s;
        kept = [c];
      } else if (s === best) kept.push(c);
    }
    left = kept;
    if (left.length === 1) break;
  }
  return { chosen: left[0] as NodeVictims, tied: left };
}

/** DefaultPreemption.PostFilter for `pod`, which fit none of `nodes` (attempt holds the FitError). A dry run. */
export function preemptPod(env: PreemptionEnv, pod: PodInfo, attempt: PodAttempt, nodes: Int32Array): PodPreemption {
  const { scheduler } = env;
  const { cluster } = scheduler;
  const statuses = attempt.fitError?.statuses ?? new Map<string, FilterStatus>();
  const reason = ineligibility(env, pod, statuses);
  if (reason !== undefined) return failed(env.scheduler, pod, reason);
  const potential: number[] = [];
  for (const node of nodes)
    if (statuses.get(cluster.nodes[node]?.name ?? '')?.code !== 'UnschedulableAndUnresolvable') potential.push(node);
  const wanted = Math.min(
    potential.length,
    Math.max(Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE),
  );
  const vector = cluster.requestVector(pod);
  const pdbs = potential.length > 0 ? env.budgets() : [];
  const nonViolating: NodeVictims[] = [];
  const violating: NodeVictims[] = [];
  const nodeStatuses: FilterStatus[] = [];
  for (const node of potential) {
    const result = selectVictimsOnNode(scheduler, pod, vector, node, pdbs, (p) => env.nominatedNode(p) !== undefined);
    if ('victims' in result) {
      (result.pdbViolations === 0 ? nonViolating : violating).push(result);
      if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
    } else nodeStatuses.push(result);
  }
  const candidates = [...nonViolating, ...violating];
  if (candidates.length === 0) {
    // Nodes never dry-run (the unresolvable ones) carry the "not helpful" absent-node status.
    const absent = nodes.length - nodeStatuses.length;
    const all = [...nodeStatuses, ...Array.from({ length: absent }, () => NOT_HELPFUL_STATUS)];
    return failed(scheduler, pod, fitErrorMessage(nodes.length, all));
  }
  const { chosen, tied } = pickOne(candidates);
  return {
    node: chosen.node,
    victims: chosen.victims,
    message: '',
    tie:
      tied.length > 1 ? { count: tied.length, nodes: tied.slice(0, TIE_NAMES).map((c) => cluster.nodes[c.node]?.name ?? '') } : undefined,
  };
}
