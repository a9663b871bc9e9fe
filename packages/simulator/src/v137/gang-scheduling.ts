// GangScheduling as of 1.37 (GANG37, scheduler-1.37.md §3.2, §3.4): PreEnqueue over the hierarchy and
// PlacementFeasible; no Permit. Status model: the GANG37 variant of the AMBIGUOUS §3.4 (Success / Wait
// / Unschedulable), chosen here and nowhere else.

import { GROUP_MESSAGE, GROUP_MESSAGE_1_37 } from '../messages.js';
import type { GroupNode, Hierarchy, LeafNode } from './hierarchy.js';

export const STATUS_MODEL_NOTE =
  'Kubernetes 1.37 status model: PlacementFeasible returns Success, Wait ("minCount (N) is not yet satisfied") or Unschedulable ("minCount (N) cannot be satisfied"), the variant of the 1.37-development gangscheduling.go read; other 1.37 copies split Unschedulable and UnschedulableAndUnresolvable (scheduler-1.37.md §3.4 AMBIGUOUS)';

export type FeasibleCode = 'Success' | 'Wait' | 'Unschedulable';

export interface Feasibility {
  readonly code: FeasibleCode;
  readonly message: string;
}

/** PlacementFeasible with M = minCount (pods) or minGroupCount (child groups), S placed/succeeded, R not yet tried. */
export function placementFeasible(min: number, scheduled: number, remaining: number): Feasibility {
  if (scheduled >= min) return { code: 'Success', message: '' };
  if (scheduled + remaining >= min) return { code: 'Wait', message: GROUP_MESSAGE_1_37.notYetSatisfied(min, scheduled, remaining) };
  return { code: 'Unschedulable', message: GROUP_MESSAGE_1_37.cannotBeSatisfied(min, scheduled, remaining) };
}

/** Leaf readiness uses pods present (AllPodsCount), basic counting as minCount 1. */
function ready(node: GroupNode, podsPresent: (key: string) => number): boolean {
  if (node.kind === 'PodGroup') return podsPresent(node.key) >= node.minCount;
  return node.children.filter((c) => ready(c, podsPresent)).length >= node.minCount;
}

/**
 * Why a pod of `leaf` (undefined: its PodGroup is missing) stays out of the queue, or undefined to
 * admit it. `composite`: the CompositePodGroup gate; off, the 1.36 checks apply unchanged.
 */
export function preEnqueue(
  hierarchy: Hierarchy,
  leaf: LeafNode | undefined,
  groupName: string,
  podsPresent: (key: string) => number,
  composite: boolean,
): string | undefined {
  if (!leaf) return GROUP_MESSAGE.podGroupMissing(groupName);
  if (!composite || leaf.parent === undefined) {
    // 1.36 admitted a basic group at once; the 1.37 leaf check counts basic as 1, which a present pod meets.
    return podsPresent(leaf.key) >= leaf.minCount ? undefined : GROUP_MESSAGE.quorumNotInQueue;
  }
  const found = hierarchy.rootOf(leaf);
  if ('error' in found) return found.error;
  return ready(found.root, podsPresent) ? undefined : GROUP_MESSAGE_1_37.treeQuorum(found.root.name);
}
