// GangScheduling (spec §1.1, §1.4): PreEnqueue holds a group's pods until its PodGroup exists and
// minCount members exist; Permit lets a member through once assumed + bound members reach minCount.

import type { PodGroup } from '@kubectl-workload/api';
import { GROUP_MESSAGE } from '../messages.js';

export const NAME = 'GangScheduling';

/**
 * The reason a pod of group `groupName` stays out of the active queue, or undefined to admit it.
 * `minCount` undefined means a basic group; `knownMembers` counts every non-terminal member.
 */
export function preEnqueue(
  group: PodGroup | undefined,
  groupName: string,
  minCount: number | undefined,
  knownMembers: number,
): string | undefined {
  if (!group) return GROUP_MESSAGE.podGroupMissing(groupName);
  if (minCount !== undefined && knownMembers < minCount) return GROUP_MESSAGE.quorumNotInQueue;
  return undefined;
}

export type PermitCode = 'Success' | 'Wait';

/** Permit for a member just assumed, with `scheduled` assumed + bound members of its group. */
export function permit(scheduled: number, minCount: number | undefined): PermitCode {
  return minCount === undefined || scheduled >= minCount ? 'Success' : 'Wait';
}
