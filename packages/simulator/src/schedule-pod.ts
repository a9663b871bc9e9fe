// The analogue of upstream schedule_one.go's schedulePod: findNodesThatFitPod (PreFilter, then
// Filter in upstream order), prioritizeNodes (PreScore/Score/NormalizeScore with the profile's weights)
// and selectHost. The plugins do the checking; this module runs them over the candidate nodes.
// Every node of the candidate set is evaluated (no percentageOfNodesToScore sampling); ties go to
// the first node by name and are reported.

import type { NodeInfo, SchedulerCache } from './cluster.js';
import * as dynamicResources from './plugins/dynamic-resources.js';
import * as imageLocality from './plugins/image-locality.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as nodePorts from './plugins/node-ports.js';
import * as balancedAllocation from './plugins/node-resources-balanced-allocation.js';
import * as nodeResourcesFit from './plugins/node-resources-fit.js';
import * as nodeVolumeLimits from './plugins/node-volume-limits.js';
import * as podTopologySpread from './plugins/pod-topology-spread.js';
import * as taintToleration from './plugins/taint-toleration.js';
import * as volumeBinding from './plugins/volume-binding.js';
import * as volumeZone from './plugins/volume-zone.js';
import { signatureOf, type PodInfo } from './pod-info.js';
import { defaultProfile, type SchedulerProfile, type ScorePlugin } from './profile.js';
import { STATIC_STATUSES, type StaticResults, type StaticResultsCache } from './static-results.js';
import { fitErrorMessage, preFilterFitErrorMessage, type FilterStatus } from './status.js';

/** A PreFilter plugin's UnschedulableAndUnresolvable status, printed once in the FitError. */
interface PreFilterRejection {
  readonly plugin: string;
  readonly message: string;
}

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
  readonly statuses: ReadonlyMap<string, FilterStatus>;
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
  /** Index of the chosen node in SchedulerCache.nodes. */
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
  /** A pod's nominated node (from an earlier preemption): tried alone first (PreferNominatedNode). */
  readonly nominatedNode?: (pod: PodInfo) => number | undefined;
}

/** Per-node results of one pod signature that depend only on that node: reused until the node changes. */
interface NodeLocalCache {
  readonly version: Uint32Array;
  /** DraState.version the entries were computed at (claims shared across nodes change every node's answer). */
  draVersion: number;
  readonly failure: (FilterStatus | undefined)[];
  /** NodeResourcesFit + BalancedAllocation (weighted), the node-local scores. */
  readonly localScore: Float64Array;
}

/** The volume plugins' PreFilter state; undefined when the pod has no claims or they are disabled. */
interface VolumeFilterState {
  readonly binding: volumeBinding.FilterState | undefined;
  readonly zone: readonly volumeZone.VolumeTopology[] | undefined;
}

/** Bound on cached signatures (each costs ~20 bytes per node). */
const MAX_CACHED_SIGNATURES = 32;

export class PodScheduler {
  private readonly feasible: Int32Array;
  private readonly failures: (FilterStatus | undefined)[];
  private readonly totals: Float64Array;
  private readonly nodeLocal = new Map<string, NodeLocalCache>();
  readonly allNodes: Int32Array;
  private readonly filters: ReadonlySet<string>;
  private readonly fitScorer: nodeResourcesFit.ResourceScorer;
  private readonly fitRequested: Float64Array;
  private readonly fitAllocatable: Float64Array;

  constructor(
    readonly cluster: SchedulerCache,
    private readonly statics: StaticResultsCache,
    readonly profile: SchedulerProfile = defaultProfile(),
  ) {
    this.filters = new Set(profile.filters);
    this.fitScorer = nodeResourcesFit.resourceScorer(profile.fitStrategy);
    this.fitRequested = new Float64Array(profile.fitStrategy.resources.length);
    this.fitAllocatable = new Float64Array(profile.fitStrategy.resources.length);
    this.feasible = new Int32Array(cluster.nodeCount);
    this.failures = new Array<FilterStatus | undefined>(cluster.nodeCount);
    this.totals = new Float64Array(cluster.nodeCount);
    this.allNodes = Int32Array.from(cluster.nodes, (n) => n.index);
  }

  staticResults(pod: PodInfo): StaticResults {
    return this.statics.get(pod);
  }

  /** Filter and score `pod` over `nodes` (default: all). Does not assume it. */
  schedule(pod: PodInfo, vector: Float64Array, nodes: Int32Array = this.allNodes, options: ScheduleOptions = {}): PodAttempt {
    const nominated = options.nominatedNode?.(pod);
    if (nominated !== undefined && nodes.includes(nominated)) {
      const attempt = this.schedule(pod, vector, Int32Array.of(nominated), { ...options, nominatedNode: undefined });
      if (attempt.node !== undefined) return attempt;
    }
    const { cluster } = this;
    const statics = this.statics.get(pod);
    const trace: PodTrace | undefined = options.trace ? { filter: {}, finalScore: {} } : undefined;
    // PreFilter in profile order: the volume plugins, then DynamicResources (appended by its gate).
    const volumes = this.volumeFilterState(pod);
    if (volumes && 'message' in volumes) return this.rejectedAtPreFilter(pod, nodes, volumes, trace);
    const claims = this.claimsState(pod);
    if (claims && 'rejected' in claims)
      return this.rejectedAtPreFilter(pod, nodes, { plugin: dynamicResources.NAME, message: claims.rejected }, trace);
    const spread = this.spreadFilterState(pod, nodes, statics);
    const affinity = this.affinityFilterState(pod, nodes);
    // Without inter-pod terms or volumes (whose PVs other pods' assumes take) a node's filter result
    // and local scores change only when the node does.
    const local =
      !trace && !spread && !affinity && !volumes && !this.spreadScored(pod) && !this.affinityScored(pod) ? this.localCache(pod) : undefined;
    if (local && !statics.anyPreferNoScheduleTaint && !statics.hasPreferredAffinity)
      return this.scheduleUniform(pod, statics, vector, nodes, local, claims);
    let feasibleCount = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as number;
      let failure: FilterStatus | undefined;
      if (local) {
        if (local.version[node] !== cluster.nodeVersion[node]) {
          local.version[node] = cluster.nodeVersion[node] as number;
          const f = this.nodeFailure(pod, statics, vector, node, undefined, undefined, claims);
          local.failure[node] = f;
          if (!f) local.localScore[node] = this.localScore(pod, statics, node);
        }
        failure = local.failure[node];
      } else {
        failure = this.nodeFailure(pod, statics, vector, node, spread, affinity, claims, volumes);
      }
      if (trace) trace.filter[cluster.nodes[node]?.name ?? ''] = filterTrace(this.profile.filters, failure);
      if (failure) this.failures[i] = failure;
      else this.feasible[feasibleCount++] = node;
    }
    if (feasibleCount === 0) return this.unschedulable(pod, nodes, (i) => this.failures[i] as FilterStatus, trace);
    const feasible = this.feasible.subarray(0, feasibleCount);
    if (feasibleCount === 1 && !trace) {
      // Upstream skips scoring when only one node is feasible.
      const node = feasible[0] as number;
      return {
        pod,
        node,
        nodeName: cluster.nodes[node]?.name,
        score: undefined,
        feasibleNodes: 1,
        tie: undefined,
        fitError: undefined,
        trace,
      };
    }
    const totals = this.score(pod, statics, nodes, feasible, local, trace);
    return this.selectHost(pod, feasible, totals, trace);
  }

  /** DynamicResources' PreFilter state; undefined when the plugin is off or the pod has no claims (Skip). */
  private claimsState(pod: PodInfo): dynamicResources.PreFilterResult | undefined {
    const { dra } = this.cluster;
    return dra && pod.hasClaims && this.filters.has(dynamicResources.NAME) ? dra.preFilter(pod) : undefined;
  }

  private unschedulable(
    pod: PodInfo,
    nodes: Int32Array,
    statusAt: (i: number) => FilterStatus,
    trace: PodTrace | undefined,
    preFilterMessage?: string,
  ): PodAttempt {
    const statuses = new Map<string, FilterStatus>();
    for (let i = 0; i < nodes.length; i++) statuses.set(this.cluster.nodes[nodes[i] as number]?.name ?? '', statusAt(i));
    const message =
      preFilterMessage === undefined
        ? fitErrorMessage(nodes.length, statuses.values())
        : preFilterFitErrorMessage(nodes.length, preFilterMessage);
    const fitError = { numAllNodes: nodes.length, statuses, message };
    return { pod, node: undefined, nodeName: undefined, score: undefined, feasibleNodes: 0, tie: undefined, fitError, trace };
  }

  /** A PreFilter rejection: every node gets its status, the FitError prints the message once. */
  private rejectedAtPreFilter(pod: PodInfo, nodes: Int32Array, rejection: PreFilterRejection, trace: PodTrace | undefined): PodAttempt {
    const status: FilterStatus = { plugin: rejection.plugin, code: 'UnschedulableAndUnresolvable', reasons: [rejection.message] };
    if (trace)
      for (let i = 0; i < nodes.length; i++)
        trace.filter[this.cluster.nodes[nodes[i] as number]?.name ?? ''] = { [status.plugin]: rejection.message };
    return this.unschedulable(pod, nodes, () => status, trace, rejection.message);
  }

  /**
   * The common case in one pass over the nodes: node-local results are cached and no node-only score
   * needs normalising (no PreferNoSchedule taint, no preferred node affinity), so a node's total is
   * TaintToleration's constant 100 × weight plus its cached local score. Same result as the general path.
   */
  private scheduleUniform(
    pod: PodInfo,
    statics: StaticResults,
    vector: Float64Array,
    nodes: Int32Array,
    local: NodeLocalCache,
    claims: dynamicResources.PreFilterResult | undefined,
  ): PodAttempt {
    const { cluster } = this;
    const { version, failure, localScore } = local;
    const current = cluster.nodeVersion;
    let best = -1;
    let bestScore = -Infinity;
    let tied = 0;
    let feasibleCount = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as number;
      if (version[node] !== current[node]) {
        version[node] = current[node] as number;
        const f = this.nodeFailure(pod, statics, vector, node, undefined, undefined, claims);
        failure[node] = f;
        if (!f) localScore[node] = this.localScore(pod, statics, node);
      }
      if (failure[node] !== undefined) continue;
      feasibleCount++;
      const t = localScore[node] as number;
      if (t > bestScore) {
        bestScore = t;
        best = node;
        tied = 1;
      } else if (t === bestScore) tied++;
    }
    if (feasibleCount === 0) return this.unschedulable(pod, nodes, (i) => failure[nodes[i] as number] as FilterStatus, undefined);
    const nodeName = cluster.nodes[best]?.name;
    // Upstream skips scoring when only one node is feasible.
    if (feasibleCount === 1)
      return { pod, node: best, nodeName, score: undefined, feasibleNodes: 1, tie: undefined, fitError: undefined, trace: undefined };
    const score = bestScore + this.profile.weights[taintToleration.NAME] * taintToleration.normalizeScore(0, 0);
    let tie: Tie | undefined;
    if (tied > 1) {
      const names: string[] = [];
      for (let i = 0; i < nodes.length && names.length < TIE_NAMES; i++) {
        const node = nodes[i] as number;
        if (failure[node] === undefined && localScore[node] === bestScore) names.push(cluster.nodes[node]?.name ?? '');
      }
      tie = { score, count: tied, nodes: names };
    }
    return { pod, node: best, nodeName, score, feasibleNodes: feasibleCount, tie, fitError: undefined, trace: undefined };
  }

  private localCache(pod: PodInfo): NodeLocalCache {
    const signature = signatureOf(pod);
    let entry = this.nodeLocal.get(signature);
    if (entry) {
      // Keep recently used signatures at the end of the insertion order.
      this.nodeLocal.delete(signature);
    } else {
      const n = this.cluster.nodeCount;
      entry = {
        draVersion: this.cluster.dra?.version ?? 0,
        version: new Uint32Array(n).fill(0xffffffff),
        failure: new Array<FilterStatus | undefined>(n),
        localScore: new Float64Array(n),
      };
      if (this.nodeLocal.size >= MAX_CACHED_SIGNATURES) this.nodeLocal.delete(this.nodeLocal.keys().next().value as string);
    }
    const draVersion = this.cluster.dra?.version ?? 0;
    if (pod.hasClaims && entry.draVersion !== draVersion) {
      entry.draVersion = draVersion;
      entry.version.fill(0xffffffff);
    }
    this.nodeLocal.set(signature, entry);
    return entry;
  }

  /** The filter status of `pod` on one node, PreFilter state over all nodes (preemption's dry runs). */
  filterNode(pod: PodInfo, vector: Float64Array, node: number): FilterStatus | undefined {
    const statics = this.statics.get(pod);
    const volumes = this.volumeFilterState(pod);
    if (volumes && 'message' in volumes)
      return { plugin: volumes.plugin, code: 'UnschedulableAndUnresolvable', reasons: [volumes.message] };
    const spread = this.spreadFilterState(pod, this.allNodes, statics);
    const affinity = this.affinityFilterState(pod, this.allNodes);
    const claims = this.claimsState(pod);
    if (claims && 'rejected' in claims)
      return { plugin: dynamicResources.NAME, code: 'UnschedulableAndUnresolvable', reasons: [claims.rejected] };
    return this.nodeFailure(pod, statics, vector, node, spread, affinity, claims, volumes);
  }

  /** VolumeBinding then VolumeZone PreFilter, in upstream order; the first rejection wins. */
  private volumeFilterState(pod: PodInfo): VolumeFilterState | PreFilterRejection | undefined {
    if (pod.volumeClaims.length === 0) return undefined;
    const cache = this.cluster.volumes;
    let binding: volumeBinding.FilterState | undefined;
    if (this.filters.has(volumeBinding.NAME)) {
      const result = volumeBinding.preFilter(pod, cache);
      if (result && 'rejection' in result) return { plugin: volumeBinding.NAME, message: result.rejection };
      binding = result?.state;
    }
    let zone: readonly volumeZone.VolumeTopology[] | undefined;
    if (this.filters.has(volumeZone.NAME)) {
      const result = volumeZone.preFilter(pod, cache);
      if (result && 'rejection' in result) return { plugin: volumeZone.NAME, message: result.rejection };
      zone = result?.topologies;
    }
    return binding || zone ? { binding, zone } : undefined;
  }

  private readonly spreads = new WeakMap<PodInfo, podTopologySpread.PodSpread>();

  /** The pod's spread constraints under this profile: its own, else the profile's defaults. */
  spreadOf(pod: PodInfo): podTopologySpread.PodSpread {
    let spread = this.spreads.get(pod);
    if (!spread) {
      spread = podTopologySpread.podSpread(pod, this.profile.spreadDefaults);
      this.spreads.set(pod, spread);
    }
    return spread;
  }

  private spreadFilterState(pod: PodInfo, nodes: ArrayLike<number>, statics: StaticResults): podTopologySpread.FilterState | undefined {
    const { hard } = this.spreadOf(pod);
    return hard.length > 0 && this.filters.has(podTopologySpread.NAME)
      ? podTopologySpread.preFilter(this.cluster, pod, hard, nodes, statics)
      : undefined;
  }

  private affinityFilterState(pod: PodInfo, nodes: ArrayLike<number>): interPodAffinity.FilterState | undefined {
    return this.filters.has(interPodAffinity.NAME) && interPodAffinity.needsFilter(this.cluster, pod)
      ? interPodAffinity.preFilter(this.cluster, pod, nodes)
      : undefined;
  }

  private spreadScored(pod: PodInfo): boolean {
    return this.spreadOf(pod).soft.length > 0 && this.profile.weights[podTopologySpread.NAME] > 0;
  }

  private affinityScored(pod: PodInfo): boolean {
    return this.profile.weights[interPodAffinity.NAME] > 0 && interPodAffinity.needsScore(this.cluster, pod);
  }

  /** The first failing filter on `node`, in upstream order; undefined when the node is feasible. */
  private nodeFailure(
    pod: PodInfo,
    statics: StaticResults,
    vector: Float64Array,
    node: number,
    spread: podTopologySpread.FilterState | undefined,
    affinity: interPodAffinity.FilterState | undefined,
    claims: dynamicResources.PreFilterResult | undefined,
    volumes?: VolumeFilterState,
  ): FilterStatus | undefined {
    const { cluster } = this;
    const info = cluster.nodes[node] as NodeInfo;
    // A node the PreFilterResult left out runs no filter at all.
    if (volumes?.binding?.eligible && !volumes.binding.eligible.has(info.name)) return volumeBinding.ABSENT_STATUS;
    const s = statics.status[node] as number;
    if (s !== 0) return STATIC_STATUSES[s];
    if (pod.hostPorts.length > 0 && this.filters.has(nodePorts.NAME) && !nodePorts.filter(pod.hostPorts, cluster.portsOnNode[node] ?? []))
      return nodePorts.STATUS;
    const fit = this.filters.has(nodeResourcesFit.NAME) ? nodeResourcesFit.filter(cluster, node, vector) : undefined;
    if (fit) return fit;
    if (
      pod.volumeClaims.length > 0 &&
      this.filters.has(nodeVolumeLimits.NAME) &&
      !nodeVolumeLimits.filter(pod, info, cluster.podsOnNode[node] ?? [], cluster.volumes)
    )
      return nodeVolumeLimits.STATUS;
    if (volumes?.binding) {
      const status = volumeBinding.filter(volumes.binding, info, cluster.volumes);
      if (status) return status;
    }
    if (volumes?.zone && !volumeZone.filter(volumes.zone, info)) return volumeZone.STATUS;
    if (spread) {
      const status = podTopologySpread.filter(spread, cluster, node);
      if (status) return status;
    }
    if (affinity) {
      const status = interPodAffinity.filter(affinity, cluster, node);
      if (status) return status;
    }
    return claims ? cluster.dra?.filter(claims, cluster.nodes[node] as NodeInfo) : undefined;
  }

  /** NodeResourcesFit (the profile's strategy) + BalancedAllocation (actual requests) + ImageLocality, weighted. */
  private localScore(pod: PodInfo, statics: StaticResults, node: number): number {
    const w = this.profile.weights;
    return (
      w[nodeResourcesFit.NAME] * this.fitScore(pod, node) +
      (pod.bestEffort ? 0 : w[balancedAllocation.NAME] * this.balancedScore(pod, node)) +
      w[imageLocality.NAME] * (statics.imageLocality?.[node] ?? 0)
    );
  }

  private fitScore(pod: PodInfo, node: number): number {
    nodeResourcesFit.fillRequests(
      this.cluster,
      pod,
      node,
      this.profile.fitStrategy.resources,
      false,
      this.fitRequested,
      this.fitAllocatable,
    );
    return this.fitScorer(this.fitRequested, this.fitAllocatable);
  }

  private balancedScore(pod: PodInfo, node: number): number {
    return balancedAllocation.score(this.cluster, pod, node, this.profile.balancedResources);
  }

  private score(
    pod: PodInfo,
    statics: StaticResults,
    nodes: Int32Array,
    feasible: Int32Array,
    local: NodeLocalCache | undefined,
    trace: PodTrace | undefined,
  ): Float64Array {
    const { cluster } = this;
    const n = feasible.length;
    const totals = this.totals.subarray(0, n);
    const record = trace
      ? (plugin: ScorePlugin, i: number, value: number): void => {
          const name = cluster.nodes[feasible[i] as number]?.name ?? '';
          (trace.finalScore[name] ??= {})[plugin] = value;
        }
      : undefined;
    // TaintToleration: untolerated PreferNoSchedule taints, normalised in reverse (fewest gets 100).
    // NodeAffinity: preferred weights normalised to the maximum; skipped without preferred terms.
    let maxTaints = 0;
    let maxAffinity = 0;
    if (statics.anyPreferNoScheduleTaint || statics.hasPreferredAffinity) {
      for (let i = 0; i < n; i++) {
        const node = feasible[i] as number;
        maxTaints = Math.max(maxTaints, statics.preferNoScheduleTaints[node] as number);
        maxAffinity = Math.max(maxAffinity, statics.preferredAffinity[node] as number);
      }
    }
    const weights = this.profile.weights;
    const taintCounts = statics.preferNoScheduleTaints;
    const affinityWeights = statics.preferredAffinity;
    const hasPreferred = statics.hasPreferredAffinity;
    const localScores = local?.localScore;
    for (let i = 0; i < n; i++) {
      const node = feasible[i] as number;
      const taint = weights[taintToleration.NAME] * taintToleration.normalizeScore(taintCounts[node] as number, maxTaints);
      const nodeAffinityScore = hasPreferred
        ? weights[nodeAffinity.NAME] * nodeAffinity.normalizeScore(affinityWeights[node] as number, maxAffinity)
        : 0;
      totals[i] = taint + nodeAffinityScore + (localScores ? (localScores[node] as number) : this.localScore(pod, statics, node));
      if (record) {
        if (weights[taintToleration.NAME] > 0) record(taintToleration.NAME, i, taint);
        if (hasPreferred && weights[nodeAffinity.NAME] > 0) record(nodeAffinity.NAME, i, nodeAffinityScore);
        if (weights[nodeResourcesFit.NAME] > 0) record(nodeResourcesFit.NAME, i, weights[nodeResourcesFit.NAME] * this.fitScore(pod, node));
        if (!pod.bestEffort && weights[balancedAllocation.NAME] > 0)
          record(balancedAllocation.NAME, i, weights[balancedAllocation.NAME] * this.balancedScore(pod, node));
        if (statics.imageLocality && weights[imageLocality.NAME] > 0)
          record(imageLocality.NAME, i, weights[imageLocality.NAME] * (statics.imageLocality[node] as number));
      }
    }
    if (this.spreadScored(pod)) {
      const spread = podTopologySpread.scores(cluster, pod, this.spreadOf(pod), nodes, feasible, statics);
      for (let i = 0; i < n; i++) {
        const score = weights[podTopologySpread.NAME] * (spread[i] as number);
        totals[i] = (totals[i] as number) + score;
        record?.(podTopologySpread.NAME, i, score);
      }
    }
    if (this.affinityScored(pod)) {
      const affinity = interPodAffinity.scores(cluster, pod, nodes, feasible, this.profile.hardPodAffinityWeight);
      for (let i = 0; i < n; i++) {
        const score = weights[interPodAffinity.NAME] * (affinity[i] as number);
        totals[i] = (totals[i] as number) + score;
        record?.(interPodAffinity.NAME, i, score);
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
      for (let i = 0; i < feasible.length && nodes.length < TIE_NAMES; i++)
        if (totals[i] === bestScore) nodes.push(this.cluster.nodes[feasible[i] as number]?.name ?? '');
      tie = { score: bestScore, count: tied, nodes };
    }
    return {
      pod,
      node,
      nodeName: this.cluster.nodes[node]?.name,
      score: bestScore,
      feasibleNodes: feasible.length,
      tie,
      fitError: undefined,
      trace,
    };
  }
}

function filterTrace(filters: readonly string[], failure: FilterStatus | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const plugin of filters) {
    if (failure?.plugin === plugin) {
      out[plugin] = failure.reasons.join(', ');
      break;
    }
    out[plugin] = 'passed';
  }
  return out;
}
