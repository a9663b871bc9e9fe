// InterPodAffinity: required affinity, required anti-affinity, and existing pods' required
// anti-affinity (Filter); preferred terms of both sides and existing pods' required affinity (Score).

import type { SchedulerCache } from '../cluster.js';
import { REASON } from '../messages.js';
import type { AffinityTerm, PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';
import { pairKey, termMatches } from '../pod-matching.js';

export const NAME = 'InterPodAffinity';

const AFFINITY: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.podAffinity] };
const ANTI_AFFINITY: FilterStatus = { plugin: NAME, code: 'Unschedulable', reasons: [REASON.podAntiAffinity] };
const EXISTING_ANTI_AFFINITY: FilterStatus = { plugin: NAME, code: 'Unschedulable', reasons: [REASON.existingAntiAffinity] };

/** kube-scheduler's default hardPodAffinityWeight. */
export const DEFAULT_HARD_POD_AFFINITY_WEIGHT = 1;

export interface FilterState {
  readonly pod: PodInfo;
  readonly affinityCounts: Map<string, number>;
  readonly antiAffinityCounts: Map<string, number>;
  readonly existingAntiAffinityCounts: Map<string, number>;
}

function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

export function needsFilter(cluster: SchedulerCache, pod: PodInfo): boolean {
  return pod.requiredAffinity.length + pod.requiredAntiAffinity.length > 0 || cluster.withRequiredAntiAffinity.size > 0;
}

/** The candidate nodes as a membership test (every node outside a TAS placement). */
function inScope(cluster: SchedulerCache, nodes: ArrayLike<number>): (node: number) => boolean {
  if (nodes.length === cluster.nodeCount) return () => true;
  const mask = new Uint8Array(cluster.nodeCount);
  for (let i = 0; i < nodes.length; i++) mask[nodes[i] as number] = 1;
  return (node) => mask[node] === 1;
}

/** Calls `visit` for each pod of `pods` placed on a node in scope, with that node's labels. */
function forEachPlaced(
  cluster: SchedulerCache,
  pods: Iterable<PodInfo>,
  scope: (node: number) => boolean,
  visit: (pod: PodInfo, labels: Readonly<Record<string, string>>) => void,
): void {
  for (const p of pods) {
    const node = cluster.placement.get(p.key);
    if (node !== undefined && scope(node)) visit(p, cluster.nodes[node]?.labels ?? {});
  }
}

export function preFilter(cluster: SchedulerCache, pod: PodInfo, nodes: ArrayLike<number>): FilterState {
  const state: FilterState = { pod, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map() };
  const scope = inScope(cluster, nodes);
  forEachPlaced(cluster, cluster.withRequiredAntiAffinity, scope, (existing, labels) => {
    for (const term of existing.requiredAntiAffinity) {
      if (Object.hasOwn(labels, term.topologyKey) && termMatches(term, pod))
        bump(state.existingAntiAffinityCounts, pairKey(term.topologyKey, labels[term.topologyKey] as string));
    }
  });
  if (pod.requiredAffinity.length + pod.requiredAntiAffinity.length === 0) return state;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as number;
    const labels = cluster.nodes[node]?.labels ?? {};
    for (const existing of cluster.podsOnNode[node] ?? []) {
      if (pod.requiredAffinity.length > 0 && pod.requiredAffinity.every((t) => termMatches(t, existing))) {
        for (const t of pod.requiredAffinity)
          if (Object.hasOwn(labels, t.topologyKey)) bump(state.affinityCounts, pairKey(t.topologyKey, labels[t.topologyKey] as string));
      }
      for (const t of pod.requiredAntiAffinity) {
        if (Object.hasOwn(labels, t.topologyKey) && termMatches(t, existing))
          bump(state.antiAffinityCounts, pairKey(t.topologyKey, labels[t.topologyKey] as string));
      }
    }
  }
  return state;
}

function satisfiesAffinity(state: FilterState, labels: Readonly<Record<string, string>>): boolean {
  let podsExist = true;
  for (const t of state.pod.requiredAffinity) {
    if (!Object.hasOwn(labels, t.topologyKey)) return false;
    if ((state.affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey] as string)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere that has the topology keys.
  return state.affinityCounts.size === 0 && state.pod.requiredAffinity.every((t) => termMatches(t, state.pod));
}

export function filter(state: FilterState, cluster: SchedulerCache, node: number): FilterStatus | undefined {
  const labels = cluster.nodes[node]?.labels ?? {};
  if (!satisfiesAffinity(state, labels)) return AFFINITY;
  for (const t of state.pod.requiredAntiAffinity) {
    if (
      Object.hasOwn(labels, t.topologyKey) &&
      (state.antiAffinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey] as string)) ?? 0) > 0
    )
      return ANTI_AFFINITY;
  }
  if (state.existingAntiAffinityCounts.size > 0) {
    for (const [key, value] of Object.entries(labels))
      if ((state.existingAntiAffinityCounts.get(pairKey(key, value)) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
  }
  return undefined;
}

export function needsScore(cluster: SchedulerCache, pod: PodInfo): boolean {
  return pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0 || cluster.withAffinityTerms.size > 0;
}

/** Raw topology scores, summed per node over its labels, then min-max normalised to 0..100. */
export function scores(
  cluster: SchedulerCache,
  pod: PodInfo,
  allNodes: ArrayLike<number>,
  feasible: ArrayLike<number>,
  hardPodAffinityWeight = DEFAULT_HARD_POD_AFFINITY_WEIGHT,
): Int32Array {
  const topologyScore = new Map<string, number>();
  const add = (
    terms: readonly AffinityTerm[],
    target: PodInfo,
    labels: Readonly<Record<string, string>>,
    sign: number,
    weightOf: (t: AffinityTerm) => number,
  ): void => {
    for (const t of terms)
      if (Object.hasOwn(labels, t.topologyKey) && termMatches(t, target))
        bump(topologyScore, pairKey(t.topologyKey, labels[t.topologyKey] as string), sign * weightOf(t));
  };
  if (pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0) {
    for (let i = 0; i < allNodes.length; i++) {
      const node = allNodes[i] as number;
      const labels = cluster.nodes[node]?.labels ?? {};
      for (const existing of cluster.podsOnNode[node] ?? []) {
        add(pod.preferredAffinity, existing, labels, 1, (t) => t.weight);
        add(pod.preferredAntiAffinity, existing, labels, -1, (t) => t.weight);
      }
    }
  }
  forEachPlaced(cluster, cluster.withAffinityTerms, inScope(cluster, allNodes), (existing, labels) => {
    if (hardPodAffinityWeight > 0) add(existing.requiredAffinity, pod, labels, 1, () => hardPodAffinityWeight);
    add(existing.preferredAffinity, pod, labels, 1, (t) => t.weight);
    add(existing.preferredAntiAffinity, pod, labels, -1, (t) => t.weight);
  });
  const raw = new Float64Array(feasible.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < feasible.length; i++) {
    let score = 0;
    if (topologyScore.size > 0) {
      for (const [key, value] of Object.entries(cluster.nodes[feasible[i] as number]?.labels ?? {}))
        score += topologyScore.get(pairKey(key, value)) ?? 0;
    }
    raw[i] = score;
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  const out = new Int32Array(feasible.length);
  const diff = max - min;
  for (let i = 0; i < feasible.length; i++) out[i] = diff > 0 ? Math.trunc((100 * ((raw[i] as number) - min)) / diff) : 0;
  return out;
}
