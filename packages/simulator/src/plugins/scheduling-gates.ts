// SchedulingGates (pkg/scheduler/framework/plugins/schedulinggates): PreEnqueue keeps a pod that
// carries spec.schedulingGates out of the active queue until every gate is removed. The API server
// gives such a pod PodScheduled=False/SchedulingGated when it is created (pod strategy).

import type { Pod } from '@kubectl-workload/api';

export const NAME = 'SchedulingGates';

/** The PodScheduled=False reason and message the API server writes on a pod created with gates. */
export const GATED_CONDITION = {
  reason: 'SchedulingGated',
  message: 'Scheduling is blocked due to non-empty scheduling gates',
} as const;

/** The pod's gate names, in spec order (empty: not gated). */
export function gatesOf(pod: Pod): string[] {
  return (pod.spec?.schedulingGates ?? []).map((g) => g.name ?? '');
}

/** Go's %v of a []string: `[a b]`. */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

/** PreEnqueue: the UnschedulableAndUnresolvable message for a gated pod, undefined to admit it. */
export function preEnqueue(pod: Pod): string | undefined {
  const gates = gatesOf(pod);
  return gates.length === 0 ? undefined : `waiting for scheduling gates: ${goList(gates)}`;
}
