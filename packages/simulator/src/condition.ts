// The PodGroupScheduled condition a group cycle writes (spec §5.2): True/Scheduled, False/Unschedulable,
// False/SchedulerError; never regresses from True; lastTransitionTime kept while the status is unchanged.

import { POD_GROUP_SCHEDULED, type Condition, type PodGroup } from '@kubectl-workload/api';
import type { GroupCode } from './default-algorithm.js';

export interface PodGroupCondition {
  readonly type: typeof POD_GROUP_SCHEDULED;
  readonly status: 'True' | 'False';
  readonly reason: 'Scheduled' | 'Unschedulable' | 'SchedulerError';
  readonly message: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: string;
}

export function currentCondition(group: PodGroup): Condition | undefined {
  return group.status?.conditions?.find((c) => c.type === POD_GROUP_SCHEDULED);
}

const REASONS: Record<GroupCode, PodGroupCondition['reason']> = {
  Success: 'Scheduled',
  Unschedulable: 'Unschedulable',
  Error: 'SchedulerError',
};

/** The condition after a cycle with outcome `code`; `now` stamps a transition. */
export function nextCondition(
  previous: Condition | undefined,
  code: GroupCode,
  message: string,
  generation: number | undefined,
  now: string,
): PodGroupCondition {
  const status = code === 'Success' ? 'True' : 'False';
  if (previous?.status === 'True' && status === 'False') {
    return { ...(previous as PodGroupCondition), type: POD_GROUP_SCHEDULED };
  }
  const lastTransitionTime = previous?.status === status && previous.lastTransitionTime ? previous.lastTransitionTime : now;
  return {
    type: POD_GROUP_SCHEDULED,
    status,
    reason: REASONS[code],
    message,
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    lastTransitionTime,
  };
}
