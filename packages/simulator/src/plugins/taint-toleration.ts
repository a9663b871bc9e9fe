// TaintToleration: untolerated NoSchedule/NoExecute taints filter (Filter); untolerated
// PreferNoSchedule taints count against a node (Score), normalised in reverse (fewest gets 100).

import type { Toleration } from '@kubectl-workload/api';
import type { NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import { toleratesAll } from '../selectors.js';
import type { FilterStatus } from '../status.js';
import { defaultNormalizeScore } from './helper/normalize-score.js';

export const NAME = 'TaintToleration';
export const STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.untoleratedTaint] };

/** Also PodTopologySpread's nodeTaintsPolicy: Honor. */
export function filter(pod: PodInfo, node: NodeInfo): boolean {
  return !node.taints.some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesAll(pod.tolerations, t));
}

/** PreScore: the tolerations that can tolerate a PreferNoSchedule taint. */
export function preScore(pod: PodInfo): readonly Toleration[] {
  return pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** Raw score: untolerated PreferNoSchedule taints; `tolerations` from preScore. */
export function score(tolerations: readonly Toleration[], node: NodeInfo): number {
  let count = 0;
  for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !toleratesAll(tolerations, t)) count++;
  return count;
}

export function normalizeScore(raw: number, max: number): number {
  return defaultNormalizeScore(raw, max, true);
}
