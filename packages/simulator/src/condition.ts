// The condition a group cycle writes (spec §5.2): PodGroupScheduled in 1.36, PodGroupInitiallyScheduled
// (and the composite's CompositePodGroupInitiallyScheduled) in 1.37 (scheduler-1.37.md §3.5):
// True/Scheduled, False/Unschedulable, False/SchedulerError; never regresses from True;
// lastTransitionTime kept while the status is unchanged.

import type { COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED, POD_GROUP_INITIALLY_SCHEDULED } from '@kubectl-workload/api';
import { POD_GROUP_SCHEDULED, type Condition, type KubeObject } from '@kubectl-workload/api';
import type { GroupCode } from './default-algorithm.js';

export type GroupConditionType =
  | typeof POD_GROUP_SCHEDULED
  | typeof POD_GROUP_INITIALLY_SCHEDULED
  | typeof COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED;

export interface PodGroupCondition {
  readonly type: GroupConditionType;
  readonly status: 'True' | 'False';
  readonly reason: 'Scheduled' | 'Unschedulable' | 'SchedulerError';
  readonly message: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: string;
}

export function currentCondition(
  group: KubeObject & { status?: { conditions?: Condition[] } },
  type: GroupConditionType = POD_GROUP_SCHEDULED,
): Condition | undefined {
  return group.status?.conditions?.find((c) => c.type === type);
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
  type: GroupConditionType = POD_GROUP_SCHEDULED,
): PodGroupCondition {
  const status = code === 'Success' ? 'True' : 'False';
  if (previous?.status === 'True' && status === 'False') {
    return { ...(previous as PodGroupCondition), type };
  }
  const lastTransitionTime = previous?.status === status && previous.lastTransitionTime ? previous.lastTransitionTime : now;
  return {
    type,
    status,
    reason: REASONS[code],
    message,
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    lastTransitionTime,
  };
}
