// The 1.36 PodGroup scheduling algorithm (spec §1.4, §1.5, §3): members in order, each filtered and
// scored with earlier members assumed, GangScheduling Permit counting assumed + bound members
// against minCount. With a topology key, the same default algorithm runs once per placement.
// Every assume is reverted before returning; submitting the result is the caller's job.

import type { ClusterState } from './cluster.js';
import { GROUP_MESSAGE, wrapGroupUnschedulable } from './messages.js';
import type { PodInfo } from './pod-info.js';
import type { PodAttempt, PodScheduler, ScheduleOptions } from './schedule-pod.js';
import { evaluatePlacements, type PlacementReport } from './placements.js';

export type GroupCode = 'Success' | 'Unschedulable' | 'Error';

export interface GroupStatus {
  readonly code: GroupCode;
  /** As Status.Message() prints it. */
  readonly message: string;
  readonly waitingOnPreemption: boolean;
}

/**
 * A member's result inside one evaluation:
 * - `Success` / `Wait`: placed (feasible), Permit said Success or Wait;
 * - `RequiresPreemption`: PostFilter nominated a node;
 * - `Unschedulable`: its own FitError.
 */
export type MemberCode = 'Success' | 'Wait' | 'RequiresPreemption' | 'Unschedulable';

export interface MemberResult {
  readonly pod: PodInfo;
  readonly code: MemberCode;
  /** The chosen (or nominated) node index. */
  readonly node: number | undefined;
  /** Undefined when the member was never filtered (errors, no placement). */
  readonly attempt: PodAttempt | undefined;
  /** The FitError text, or the Permit wait reason. */
  readonly message: string;
}

export interface GroupPolicy {
  /** undefined for the basic policy. */
  readonly minCount: number | undefined;
  readonly topologyKey: string | undefined;
}

/**
 * The seam for pod-by-pod preemption (DefaultPreemption PostFilter), run for a member that fits no
 * node. Returning a node index nominates it: the member counts as placed for the rest of the cycle.
 */
export type PostFilter = (pod: PodInfo, attempt: PodAttempt, nodes: Int32Array) => number | undefined;

export interface GroupAlgorithmOptions extends ScheduleOptions {
  readonly postFilter?: PostFilter;
}

export interface GroupAlgorithmResult {
  readonly status: GroupStatus;
  readonly members: readonly MemberResult[];
  /** Present when a topology key applies. */
  readonly placements: PlacementReport | undefined;
}

export interface GroupContext {
  readonly cluster: ClusterState;
  readonly scheduler: PodScheduler;
  readonly groupKey: string;
  readonly policy: GroupPolicy;
  readonly options: GroupAlgorithmOptions;
}

const UNSCHEDULABLE: GroupStatus = { code: 'Unschedulable', message: GROUP_MESSAGE.groupUnschedulable, waitingOnPreemption: false };
const WAITING_FOR_PREEMPTION: GroupStatus = {
  code: 'Unschedulable',
  message: wrapGroupUnschedulable(GROUP_MESSAGE.waitingForPreemption),
  waitingOnPreemption: true,
};
const SUCCESS: GroupStatus = { code: 'Success', message: '', waitingOnPreemption: false };

/** One pass over the members restricted to `nodes`. Assumes stay in place until `revert` is called. */
export function runDefaultAlgorithm(ctx: GroupContext, members: readonly PodInfo[], nodes: Int32Array): { status: GroupStatus; members: MemberResult[]; revert: () => void } {
  const { cluster, scheduler, policy, options } = ctx;
  const assumed: { pod: PodInfo; node: number; vector: Float64Array }[] = [];
  const results: MemberResult[] = [];
  let permitted = false;
  let preempting = false;
  for (const pod of members) {
    const vector = cluster.requestVector(pod);
    const attempt = scheduler.schedule(pod, vector, nodes, options);
    let node = attempt.node;
    let code: MemberCode;
    let message = '';
    if (node === undefined) {
      const nominated = options.postFilter?.(pod, attempt, nodes);
      if (nominated === undefined) {
        results.push({ pod, code: 'Unschedulable', node: undefined, attempt, message: attempt.fitError?.message ?? '' });
        continue;
      }
      node = nominated;
      code = 'RequiresPreemption';
      preempting = true;
    } else {
      cluster.add(pod, node, vector);
      assumed.push({ pod, node, vector });
      const scheduled = cluster.scheduledMembers(ctx.groupKey).length;
      if (policy.minCount === undefined || scheduled >= policy.minCount) {
        code = 'Success';
        permitted = true;
      } else {
        code = 'Wait';
        message = GROUP_MESSAGE.permitWait;
      }
    }
    results.push({ pod, code, node, attempt, message });
  }
  const status = preempting ? WAITING_FOR_PREEMPTION : permitted ? SUCCESS : UNSCHEDULABLE;
  const revert = (): void => {
    for (const a of assumed.reverse()) cluster.remove(a.pod, a.node, a.vector);
  };
  return { status, members: results, revert };
}

/** The whole algorithm for one cycle: the default pass, or placements when a topology key is set. */
export function runGroupAlgorithm(ctx: GroupContext, members: readonly PodInfo[]): GroupAlgorithmResult {
  if (ctx.policy.topologyKey === undefined) {
    const run = runDefaultAlgorithm(ctx, members, ctx.scheduler.allNodes);
    run.revert();
    return { status: run.status, members: run.members, placements: undefined };
  }
  return evaluatePlacements(ctx, members, ctx.policy.topologyKey);
}
