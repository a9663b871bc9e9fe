// NodeAffinity: nodeSelector and required node affinity (Filter); the summed weights of matching
// preferred terms (Score), normalised to the best node.

import type { PreferredSchedulingTerm } from '@kubectl-workload/api';
import type { NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import { nodeSelectorMatches, nodeSelectorTermMatches } from '../selectors.js';
import type { FilterStatus } from '../status.js';
import { defaultNormalizeScore } from './helper/normalize-score.js';

export const NAME = 'NodeAffinity';
export const STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeAffinity] };

/** Also PodTopologySpread's nodeAffinityPolicy: Honor. */
export function filter(pod: PodInfo, node: NodeInfo): boolean {
  const spec = pod.pod.spec ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) if (node.labels[key] !== value) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorMatches(required.nodeSelectorTerms ?? [], node.labels, node.name);
}

/** PreScore: the preferred terms; Score is skipped when there are none. */
export function preScore(pod: PodInfo): readonly PreferredSchedulingTerm[] {
  return pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
}

export function score(preferred: readonly PreferredSchedulingTerm[], node: NodeInfo): number {
  let weight = 0;
  for (const term of preferred)
    if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, node.labels, node.name)) weight += term.weight;
  return weight;
}

export function normalizeScore(raw: number, max: number): number {
  return defaultNormalizeScore(raw, max, false);
}
