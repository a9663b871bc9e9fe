// PodDisruptionBudgets as preemption reads them (filterPodsWithPDBViolation, spec scheduler.md §4):
// each matching victim uses one allowed disruption of every budget that selects it; a victim is
// "violating" once any of those budgets goes below zero. Victims are reprieved violating ones first.

import type { PodDisruptionBudget } from '@kubectl-workload/api';
import type { PodInfo } from '../pod-info.js';
import { labelSelectorMatches } from '../selectors.js';

export interface Budget {
  readonly namespace: string;
  readonly name: string;
  readonly pdb: PodDisruptionBudget;
  /** status.disruptionsAllowed, or derived from the spec when the snapshot has no status. */
  readonly allowed: number;
}

/** A nil or empty selector matches nothing in a PDB (unlike other label selectors). */
function selects(pdb: PodDisruptionBudget, pod: PodInfo): boolean {
  const selector = pdb.spec?.selector;
  if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) return false;
  return labelSelectorMatches(selector, pod.labels);
}

/** intstr.GetScaledValueFromIntOrPercent with rounding up. */
function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : Number(value) || 0;
}

/**
 * The disruption controller's arithmetic over the bound pods it selects (all counted healthy):
 * minAvailable → desired = minAvailable; maxUnavailable → desired = expected − maxUnavailable.
 */
function derivedAllowed(pdb: PodDisruptionBudget, selected: number): number {
  const spec = pdb.spec ?? {};
  let desired: number;
  if (spec.minAvailable !== undefined) desired = scaled(spec.minAvailable, selected);
  else if (spec.maxUnavailable !== undefined) desired = selected - scaled(spec.maxUnavailable, selected);
  else return 0;
  return Math.max(0, selected - desired);
}

export function budgets(pdbs: readonly PodDisruptionBudget[], boundPods: Iterable<PodInfo>): Budget[] {
  const bound = [...boundPods];
  return pdbs.map((pdb) => {
    const namespace = pdb.metadata?.namespace || 'default';
    const fromStatus = pdb.status?.disruptionsAllowed;
    const allowed =
      fromStatus ?? derivedAllowed(pdb, bound.filter((p) => !p.terminating && p.namespace === namespace && selects(pdb, p)).length);
    return { namespace, name: pdb.metadata?.name ?? '', pdb, allowed };
  });
}

/** Splits units (single pods, or whole PodGroups) into PDB-violating and non-violating, keeping their order. */
export function splitByViolation<T>(
  units: readonly T[],
  podsOf: (unit: T) => readonly PodInfo[],
  all: readonly Budget[],
): { violating: T[]; nonViolating: T[] } {
  if (all.length === 0) return { violating: [], nonViolating: [...units] };
  const left = all.map((b) => b.allowed);
  const violating: T[] = [];
  const nonViolating: T[] = [];
  for (const unit of units) {
    let violated = false;
    for (const pod of podsOf(unit)) {
      // A pod with no labels matches no PDB.
      if (Object.keys(pod.labels).length === 0) continue;
      all.forEach((b, i) => {
        if (b.namespace !== pod.namespace || !selects(b.pdb, pod)) return;
        left[i] = (left[i] as number) - 1;
        if (left[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(unit);
  }
  return { violating, nonViolating };
}
