// PodTopologySpread: DoNotSchedule constraints filter (skew against the global minimum over eligible
// domains), ScheduleAnyway constraints score (fewer matching pods in the node's domain is better).

import type { SchedulerCache } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo, SpreadConstraint } from '../pod-info.js';
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

function eligible(cluster: SchedulerCache, node: number, constraints: readonly SpreadConstraint[], statics: StaticResults): boolean {
  const labels = cluster.nodes[node]?.labels ?? {};
  for (const c of constraints) {
    if (c.honorNodeAffinity && statics.matchesNodeAffinity[node] === 0) return false;
    if (c.honorTaints && statics.toleratesTaints[node] === 0) return false;
    if (!Object.hasOwn(labels, c.topologyKey)) return false;
  }
  return true;
}

/** Matching pods per domain over the eligible nodes among `nodes`. */
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
    if (!eligible(cluster, node, constraints, statics)) continue;
    const labels = cluster.nodes[node]?.labels ?? {};
    const pods = cluster.podsOnNode[node] ?? [];
    constraints.forEach((c, j) => {
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

export function preFilter(cluster: SchedulerCache, pod: PodInfo, nodes: ArrayLike<number>, statics: StaticResults): FilterState {
  const constraints = pod.hardSpread;
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
 * ScheduleAnyway scoring over the feasible nodes: raw = round(Σ count × log(domains + 2) + maxSkew − 1),
 * then (max + min − raw) × 100 / max; nodes missing a key score 0.
 */
export function scores(
  cluster: SchedulerCache,
  pod: PodInfo,
  allNodes: ArrayLike<number>,
  feasible: ArrayLike<number>,
  statics: StaticResults,
): Int32Array {
  const constraints = pod.softSpread;
  const out = new Int32Array(feasible.length);
  const hasKeys = (node: number): boolean => constraints.every((c) => Object.hasOwn(cluster.nodes[node]?.labels ?? {}, c.topologyKey));
  const weights = constraints.map((c) => {
    const domains = new Set<string>();
    let size = 0;
    for (let i = 0; i < feasible.length; i++) {
      const node = feasible[i] as number;
      if (!hasKeys(node)) continue;
      if (c.topologyKey === HOSTNAME) size++;
      else domains.add(cluster.nodes[node]?.labels[c.topologyKey] as string);
    }
    return Math.log((c.topologyKey === HOSTNAME ? size : domains.size) + 2);
  });
  const counts = countDomains(cluster, pod, constraints, allNodes, statics);
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  const raw = new Array<number>(feasible.length).fill(-1);
  for (let i = 0; i < feasible.length; i++) {
    const node = feasible[i] as number;
    if (!hasKeys(node)) continue;
    const labels = cluster.nodes[node]?.labels ?? {};
    let score = 0;
    constraints.forEach((c, j) => {
      const count =
        c.topologyKey === HOSTNAME
          ? countMatching(cluster.podsOnNode[node] ?? [], c.selector, pod.namespace)
          : ((counts[j] as DomainCounts).perDomain.get(labels[c.topologyKey] as string) ?? 0);
      score += count * (weights[j] as number) + (c.maxSkew - 1);
    });
    const rounded = Math.round(score);
    raw[i] = rounded;
    min = Math.min(min, rounded);
    max = Math.max(max, rounded);
  }
  for (let i = 0; i < feasible.length; i++) {
    const r = raw[i] as number;
    if (r < 0) out[i] = 0;
    else out[i] = max === 0 ? 100 : Math.trunc((100 * (max + min - r)) / max);
  }
  return out;
}
