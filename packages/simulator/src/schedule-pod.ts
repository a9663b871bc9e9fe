// The single-pod algorithm (schedulePod): PreFilter, Filter in upstream order, PreScore/Score/
// NormalizeScore with default weights, selectHost. Every node of the candidate set is evaluated
// (no percentageOfNodesToScore sampling); ties go to the first node by name and are reported.

import { CPU, MEMORY, type ClusterState } from './cluster.js';
import { affinityFilter, affinityScores, needsAffinityFilter, needsAffinityScore, preFilterAffinity, type AffinityFilterState } from './plugins/inter-pod-affinity.js';
import { NODE_PORTS_STATUS, portsFit } from './plugins/node-ports.js';
import { resourceFitStatus } from './plugins/resource-fit.js';
import { balancedAllocation, leastAllocated } from './plugins/resource-scores.js';
import { STATIC_FILTER_PLUGINS, STATIC_STATUSES, type StaticResults, type StaticResultsCache } from './plugins/static-filters.js';
import { preFilterSpread, spreadFilter, spreadScores, type SpreadFilterState } from './plugins/topology-spread.js';
import type { PodInfo } from './pod-info.js';
import { fitErrorMessage, type NodeStatus } from './status.js';

/** Filter plugins in the v1.36 default order (volume and DRA plugins have nothing to check in a snapshot). */
export const FILTER_PLUGINS = [...STATIC_FILTER_PLUGINS, 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity'] as const;
/** Score plugins in the v1.36 default order with their default weights. */
export const SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
} as const;
export type ScorePlugin = keyof typeof SCORE_WEIGHTS;

/** At most this many tied node names are kept. */
const TIE_NAMES = 10;

export interface Tie {
  readonly score: number;
  /** How many nodes share the top score: the simulator takes the first by name, kube-scheduler one at random. */
  readonly count: number;
  /** The first tied nodes by name (at most 10). */
  readonly nodes: readonly string[];
}

export interface FitError {
  readonly numAllNodes: number;
  /** Failing status per node name. */
  readonly statuses: ReadonlyMap<string, NodeStatus>;
  readonly message: string;
}

/** Per-node, per-plugin record, like kube-scheduler-simulator's annotations. */
export interface PodTrace {
  /** node → plugin → `passed` or the failure reasons joined with ", ". Plugins after the first failure are absent. */
  readonly filter: Record<string, Record<string, string>>;
  /** node → plugin → normalised score × weight (only plugins that did not skip). */
  readonly finalScore: Record<string, Record<string, number>>;
}

export interface PodAttempt {
  readonly pod: PodInfo;
  /** Index of the chosen node in ClusterState.nodes. */
  readonly node: number | undefined;
  readonly nodeName: string | undefined;
  readonly score: number | undefined;
  readonly feasibleNodes: number;
  readonly tie: Tie | undefined;
  readonly fitError: FitError | undefined;
  readonly trace: PodTrace | undefined;
}

export interface ScheduleOptions {
  /** Record the per-node, per-plugin trace (costly on big clusters). */
  readonly trace?: boolean;
}

export class PodScheduler {
  private readonly feasible: Int32Array;
  private readonly failures: (NodeStatus | undefined)[];
  readonly allNodes: Int32Array;

  constructor(readonly cluster: ClusterState, private readonly statics: StaticResultsCache) {
    this.feasible = new Int32Array(cluster.nodeCount);
    this.failures = new Array<NodeStatus | undefined>(cluster.nodeCount);
    this.allNodes = Int32Array.from(cluster.nodes, (n) => n.index);
  }

  staticResults(pod: PodInfo): StaticResults {
    return this.statics.get(pod);
  }

  /** Filter and score `pod` over `nodes` (default: all). Does not assume it. */
  schedule(pod: PodInfo, vector: Float64Array, nodes: Int32Array = this.allNodes, options: ScheduleOptions = {}): PodAttempt {
    const { cluster } = this;
    const statics = this.statics.get(pod);
    const spread: SpreadFilterState | undefined = pod.hardSpread.length > 0 ? preFilterSpread(cluster, pod, nodes, statics) : undefined;
    const affinity: AffinityFilterState | undefined = needsAffinityFilter(cluster, pod) ? preFilterAffinity(cluster, pod, nodes) : undefined;
    const trace: PodTrace | undefined = options.trace ? { filter: {}, finalScore: {} } : undefined;
    const status = statics.status;
    const hasPorts = pod.hostPorts.length > 0;
    let feasibleCount = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as number;
      const s = status[node] as number;
      let failure: NodeStatus | undefined = s === 0 ? undefined : STATIC_STATUSES[s];
      if (!failure && hasPorts && !portsFit(pod.hostPorts, cluster.portsOnNode[node] ?? [])) failure = NODE_PORTS_STATUS;
      if (!failure) failure = resourceFitStatus(cluster, node, vector);
      if (!failure && spread) failure = spreadFilter(spread, cluster, node);
      if (!failure && affinity) failure = affinityFilter(affinity, cluster, node);
      if (trace) trace.filter[cluster.nodes[node]?.name ?? ''] = filterTrace(failure);
      if (failure) this.failures[i] = failure;
      else this.feasible[feasibleCount++] = node;
    }
    if (feasibleCount === 0) {
      const statuses = new Map<string, NodeStatus>();
      for (let i = 0; i < nodes.length; i++) statuses.set(cluster.nodes[nodes[i] as number]?.name ?? '', this.failures[i] as NodeStatus);
      const fitError = { numAllNodes: nodes.length, statuses, message: fitErrorMessage(nodes.length, statuses.values()) };
      return { pod, node: undefined, nodeName: undefined, score: undefined, feasibleNodes: 0, tie: undefined, fitError, trace };
    }
    const feasible = this.feasible.subarray(0, feasibleCount);
    if (feasibleCount === 1 && !trace) {
      // Upstream skips scoring when only one node is feasible.
      const node = feasible[0] as number;
      return { pod, node, nodeName: cluster.nodes[node]?.name, score: undefined, feasibleNodes: 1, tie: undefined, fitError: undefined, trace };
    }
    const totals = this.score(pod, statics, nodes, feasible, trace);
    return this.selectHost(pod, feasible, totals, trace);
  }

  private score(pod: PodInfo, statics: StaticResults, nodes: Int32Array, feasible: Int32Array, trace: PodTrace | undefined): Float64Array {
    const { cluster } = this;
    const n = feasible.length;
    const dims = cluster.dimensions.length;
    const totals = new Float64Array(n);
    const record = trace
      ? (plugin: ScorePlugin, i: number, value: number): void => {
          const name = cluster.nodes[feasible[i] as number]?.name ?? '';
          (trace.finalScore[name] ??= {})[plugin] = value;
        }
      : undefined;
    // TaintToleration: untolerated PreferNoSchedule taints, normalised in reverse.
    let maxTaints = 0;
    for (let i = 0; i < n; i++) maxTaints = Math.max(maxTaints, statics.preferNoScheduleTaints[feasible[i] as number] as number);
    // NodeAffinity: preferred weights, normalised to the maximum; skipped without preferred terms.
    let maxAffinity = 0;
    if (statics.hasPreferredAffinity) for (let i = 0; i < n; i++) maxAffinity = Math.max(maxAffinity, statics.preferredAffinity[feasible[i] as number] as number);
    const { allocatable, requested, nonZeroMilliCpu, nonZeroMemory } = cluster;
    const podCpu = pod.requests.get('cpu') ?? 0;
    const podMem = pod.requests.get('memory') ?? 0;
    for (let i = 0; i < n; i++) {
      const node = feasible[i] as number;
      const taints = statics.preferNoScheduleTaints[node] as number;
      const taint = 3 * (maxTaints === 0 ? 100 : 100 - Math.trunc((100 * taints) / maxTaints));
      let total = taint;
      record?.('TaintToleration', i, taint);
      if (statics.hasPreferredAffinity) {
        const aff = 2 * (maxAffinity === 0 ? 0 : Math.trunc((100 * (statics.preferredAffinity[node] as number)) / maxAffinity));
        total += aff;
        record?.('NodeAffinity', i, aff);
      }
      const allocCpu = allocatable[node * dims + CPU] as number;
      const allocMem = allocatable[node * dims + MEMORY] as number;
      const fit = leastAllocated(allocCpu, (nonZeroMilliCpu[node] as number) + pod.nonZeroMilliCpu, allocMem, (nonZeroMemory[node] as number) + pod.nonZeroMemory);
      total += fit;
      record?.('NodeResourcesFit', i, fit);
      if (!pod.bestEffort) {
        const balanced = balancedAllocation(allocCpu, requested[node * dims + CPU] as number, podCpu, allocMem, requested[node * dims + MEMORY] as number, podMem);
        total += balanced;
        record?.('NodeResourcesBalancedAllocation', i, balanced);
      }
      totals[i] = total;
    }
    if (pod.softSpread.length > 0) {
      const spread = spreadScores(cluster, pod, nodes, feasible, statics);
      for (let i = 0; i < n; i++) {
        totals[i] = (totals[i] as number) + 2 * (spread[i] as number);
        record?.('PodTopologySpread', i, 2 * (spread[i] as number));
      }
    }
    if (needsAffinityScore(cluster, pod)) {
      const affinity = affinityScores(cluster, pod, nodes, feasible);
      for (let i = 0; i < n; i++) {
        totals[i] = (totals[i] as number) + 2 * (affinity[i] as number);
        record?.('InterPodAffinity', i, 2 * (affinity[i] as number));
      }
    }
    return totals;
  }

  private selectHost(pod: PodInfo, feasible: Int32Array, totals: Float64Array, trace: PodTrace | undefined): PodAttempt {
    let best = -1;
    let bestScore = -Infinity;
    let tied = 0;
    for (let i = 0; i < feasible.length; i++) {
      const t = totals[i] as number;
      if (t > bestScore) {
        bestScore = t;
        best = i;
        tied = 1;
      } else if (t === bestScore) tied++;
    }
    const node = feasible[best] as number;
    let tie: Tie | undefined;
    if (tied > 1) {
      const nodes: string[] = [];
      for (let i = 0; i < feasible.length && nodes.length < TIE_NAMES; i++) if (totals[i] === bestScore) nodes.push(this.cluster.nodes[feasible[i] as number]?.name ?? '');
      tie = { score: bestScore, count: tied, nodes };
    }
    return { pod, node, nodeName: this.cluster.nodes[node]?.name, score: bestScore, feasibleNodes: feasible.length, tie, fitError: undefined, trace };
  }
}

function filterTrace(failure: NodeStatus | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const plugin of FILTER_PLUGINS) {
    if (failure?.plugin === plugin) {
      out[plugin] = failure.reasons.join(', ');
      break;
    }
    out[plugin] = 'passed';
  }
  return out;
}
