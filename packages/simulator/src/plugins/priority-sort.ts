// PrioritySort QueueSort: higher priority first, then the earlier arrival. The snapshot has no queue
// timestamps, so creation time stands in for them and the pod key breaks the remaining ties.

import type { PodInfo } from '../pod-info.js';

export const NAME = 'PrioritySort';

/** A comparator for Array.sort: negative when `a` is popped before `b`. */
export function less(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp < b.creationTimestamp ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
