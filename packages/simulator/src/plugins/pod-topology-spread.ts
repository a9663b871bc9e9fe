// PodTopologySpread: DoNotSchedule constraints filter (skew against the global minimum over eligible
// domains), ScheduleAnyway constraints score (fewer matching pods in the node's domain is better).
// A pod without constraints of its own gets the profile's defaults (spread-defaults.ts).

import type { SchedulerCache } from '../cluster.js';
import { REASON } from '../messages.js';
import { spreadConstraint, type PodInfo, type SpreadConstraint } from '../pod-info.js';
import type { SpreadDefaults } from '../spread-defaults.js';
import { labelSelectorMatches } from '../selectors.js';
import type { FilterStatus } from '../status.js';
import { countMatching } from '../pod-matching.js';
import type { StaticResults } from '../static-results.js';

export const NAME = 'PodTopologySpread';

const HOSTNAME = 'kubernetes.io/hostname';
const MISSING_LABEL: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.spreadMissingLabel] };
const SKEW: FilterStatus = { plugin: NAME, code: 'Unschedulable', reasons: [REASON.spreadConstraints] };

interface DomainCounts {
  readonly perDomain: Map<string, number>;
}

/** The constraints a pod is filtered and scored by under one profile. */
export interface PodSpread {
  readonly hard: readonly SpreadConstraint[];
  readonly soft: readonly SpreadConstraint[];
  /** False only for system defaults: nodes missing a topology key are then scored by the other constraints. */
  readonly requireAllTopologies: boolean;
}

/** Upstream getConstraints/buildDefaultConstraints: the pod's own constraints, else the defaults with its deduced selector. */
export function podSpread(pod: PodInfo, defaults: SpreadDefaults): PodSpread {
  const selector = pod.defaultSpreadSelector;
  if (!selector) return { hard: pod.hardSpread, soft: pod.softSpread, requireAllTopologies: true };
  const of = (action: string): SpreadConstraint[] =>
    defaults.constraints
      .filter((c) => c.whenUnsatisfiable === action)
      // The deduced selector replaces any matchLabelKeys merge, as upstream overwrites Selector.
      .map((c) => spreadConstraint({ ...c, labelSelector: selector, matchLabelKeys: [] }, pod.labels));
  return { hard: of('DoNotSchedule'), soft: of('ScheduleAnyway'), requireAllTopologies: !defaults.systemDefaulted };
}

/** NodeInclusionPolicies of one constraint (upstream matchNodeInclusionPolicies). */
function included(c: SpreadConstraint, node: number, statics: StaticResults): boolean {
  if (c.honorNodeAffinity && statics.matchesNodeAffinity[node] === 0) return false;
  return !(c.honorTaints && statics.toleratesTaints[node] === 0);
}

/** Matching pods per domain over the nodes among `nodes` that carry every key and each constraint includes. */
function countDomains(
  cluster: SchedulerCache,
  pod: PodInfo,
  constraints: readonly SpreadConstraint[],
  nodes: ArrayLike<number>,
  statics: StaticResults,
): DomainCounts[] {
  const counts = constraints.map(() => ({ perDomain: new Map<string, number>() }));
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as number;
    const labels = cluster.nodes[node]?.labels ?? {};
    if (!constraints.every((c) => Object.hasOwn(labels, c.topologyKey))) continue;
    const pods = cluster.podsOnNode[node] ?? [];
    constraints.forEach((c, j) => {
      if (!included(c, node, statics)) return;
      const value = labels[c.topologyKey] as string;
      const domains = (counts[j] as DomainCounts).perDomain;
      domains.set(value, (domains.get(value) ?? 0) + countMatching(pods, c.selector, pod.namespace));
    });
  }
  return counts;
}

export interface FilterState {
  readonly constraints: readonly SpreadConstraint[];
  readonly counts: readonly DomainCounts[];
  readonly minimum: readonly number[];
  readonly selfMatch: readonly number[];
}

export function preFilter(
  cluster: SchedulerCache,
  pod: PodInfo,
  constraints: readonly SpreadConstraint[],
  nodes: ArrayLike<number>,
  statics: StaticResults,
): FilterState {
  const counts = countDomains(cluster, pod, constraints, nodes, statics);
  const minimum = constraints.map((c, j) => {
    const domains = (counts[j] as DomainCounts).perDomain;
    if (domains.size < c.minDomains) return 0;
    let min = Infinity;
    for (const v of domains.values()) min = Math.min(min, v);
    return min === Infinity ? 0 : min;
  });
  const selfMatch = constraints.map((c) => (labelSelectorMatches(c.selector, pod.labels) ? 1 : 0));
  return { constraints, counts, minimum, selfMatch };
}

export function filter(state: FilterState, cluster: SchedulerCache, node: number): FilterStatus | undefined {
  const labels = cluster.nodes[node]?.labels ?? {};
  for (let j = 0; j < state.constraints.length; j++) {
    const c = state.constraints[j] as SpreadConstraint;
    if (!Object.hasOwn(labels, c.topologyKey)) return MISSING_LABEL;
  }
  for (let j = 0; j < state.constraints.length; j++) {
    const c = state.constraints[j] as SpreadConstraint;
    const matched = (state.counts[j] as DomainCounts).perDomain.get(labels[c.topologyKey] as string) ?? 0;
    if (matched + (state.selfMatch[j] as number) - (state.minimum[j] as number) > c.maxSkew) return SKEW;
  }
  return undefined;
}

/**
 * ScheduleAnyway scoring over the feasible nodes (upstream PreScore/Score/NormalizeScore): per
 * constraint the matching pods in the node's domain (its own pods for hostname) × log(domains + 2)
 * + maxSkew − 1, summed and rounded, then (max + min − raw) × 100 / max. With requireAllTopologies a
 * node missing a key is ignored (scores 0); with system defaults it is scored by the keys it has, and
 * its missing key counts as the empty value when domains are counted, as upstream's label lookup does.
 */
export function scores(
  cluster: SchedulerCache,
  pod: PodInfo,
  spread: PodSpread,
  allNodes: ArrayLike<number>,
  feasible: ArrayLike<number>,
  statics: StaticResults,
): Int32Array {
  const constraints = spread.soft;
  const out = new Int32Array(feasible.length);
  if (constraints.length === 0) return out;
  const labelsOf = (node: number): Record<string, string> => cluster.nodes[node]?.labels ?? {};
  const hasAll = (node: number): boolean => constraints.every((c) => Object.hasOwn(labelsOf(node), c.topologyKey));
  const ignored = new Uint8Array(feasible.length);
  const domains = constraints.map(() => new Map<string, number>());
  let scored = 0;
  for (let i = 0; i < feasible.length; i++) {
    const node = feasible[i] as number;
    if (spread.requireAllTopologies && !hasAll(node)) {
      ignored[i] = 1;
      continue;
    }
    scored++;
    constraints.forEach((c, j) => {
      if (c.topologyKey !== HOSTNAME) (domains[j] as Map<string, number>).set(labelsOf(node)[c.topologyKey] ?? '', 0);
    });
  }
  const weights = constraints.map((c, j) => Math.log((c.topologyKey === HOSTNAME ? scored : (domains[j] as Map<string, number>).size) + 2));
  for (let i = 0; i < allNodes.length; i++) {
    const node = allNodes[i] as number;
    if (spread.requireAllTopologies && !hasAll(node)) continue;
    constraints.forEach((c, j) => {
      const counts = domains[j] as Map<string, number>;
      const value = labelsOf(node)[c.topologyKey] ?? '';
      if (c.topologyKey === HOSTNAME || !counts.has(value) || !included(c, node, statics)) return;
      counts.set(value, (counts.get(value) as number) + countMatching(cluster.podsOnNode[node] ?? [], c.selector, pod.namespace));
    });
  }
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  const raw = new Array<number>(feasible.length).fill(0);
  for (let i = 0; i < feasible.length; i++) {
    if (ignored[i]) continue;
    const node = feasible[i] as number;
    const labels = labelsOf(node);
    let score = 0;
    constraints.forEach((c, j) => {
      if (!Object.hasOwn(labels, c.topologyKey)) return;
      const count =
        c.topologyKey === HOSTNAME
          ? countMatching(cluster.podsOnNode[node] ?? [], c.selector, pod.namespace)
          : ((domains[j] as Map<string, number>).get(labels[c.topologyKey] as string) ?? 0);
      score += count * (weights[j] as number) + (c.maxSkew - 1);
    });
    const rounded = Math.round(score);
    raw[i] = rounded;
    min = Math.min(min, rounded);
    max = Math.max(max, rounded);
  }
  for (let i = 0; i < feasible.length; i++) {
    if (ignored[i]) out[i] = 0;
    else out[i] = max === 0 ? 100 : Math.trunc((100 * (max + min - (raw[i] as number))) / max);
  }
  return out;
}
