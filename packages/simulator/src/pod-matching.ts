// Which existing pods a selector or an affinity term selects (same rules in PodTopologySpread and InterPodAffinity).

import type { LabelSelector } from '@kubectl-workload/api';
import type { AffinityTerm, PodInfo } from './pod-info.js';
import { labelSelectorMatches } from './selectors.js';

/** Pods in `namespace` matching `selector`, terminating pods excluded (countPodsMatchSelector). */
export function countMatching(pods: readonly PodInfo[], selector: LabelSelector | undefined, namespace: string): number {
  let n = 0;
  for (const p of pods) if (!p.terminating && p.namespace === namespace && labelSelectorMatches(selector, p.labels)) n++;
  return n;
}

export function termMatches(term: AffinityTerm, pod: PodInfo): boolean {
  return (term.namespaces === undefined || term.namespaces.has(pod.namespace)) && labelSelectorMatches(term.selector, pod.labels);
}

/** A key for a (topology key, value) pair. */
export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}
