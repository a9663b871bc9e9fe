// The 1.36 default PodGroup algorithm (spec §1.4, §1.5): members in order, each filtered and scored
// with earlier members assumed, GangScheduling Permit counting assumed + bound members against
// minCount. Used for the whole cluster and, with a topology key, once per placement.

import type { SchedulerCache } from './cluster.js';
import { GROUP_MESSAGE, wrapGroupUnschedulable } from './messages.js';
import type { PodInfo } from './pod-info.js';
import type { PodAttempt, PodScheduler, ScheduleOptions } from './schedule-pod.js';
import type { PlacementReport } from './placements.js';
import * as gangScheduling from './plugins/gang-scheduling.js';

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
  /** RequiresPreemption only: the pods PostFilter chose to evict (removed in memory for later members). */
  readonly victims?: readonly PodInfo[];
}

export interface GroupPolicy {
  /** undefined for the basic policy. */
  readonly minCount: number | undefined;
  readonly topologyKey: string | undefined;
}

/** What the PostFilter plugins return for a pod that fits no node. */
export interface PostFilterResult {
  /** The nominated node; undefined when preemption cannot help. */
  readonly node: number | undefined;
  /** The PostFilter status message the FitError ends with (Diagnosis.PostFilterMsg); empty on success. */
  readonly message: string;
  readonly victims: readonly PodInfo[];
}

/**
 * The seam for pod-by-pod preemption (DefaultPreemption PostFilter), run for a member that fits no
 * node. A nominated member is assumed on its node with its victims removed in memory, and passes
 * Permit like a feasible one (upstream podGroupPodSchedulingAlgorithm).
 */
export type PostFilter = (pod: PodInfo, attempt: PodAttempt, nodes: Int32Array) => PostFilterResult;

export interface GroupAlgorithmOptions extends ScheduleOptions {
  readonly postFilter?: PostFilter;
  /** Sees the attempt of every member that fits no node (explain counts filter reasons without per-node traces). */
  readonly onUnschedulable?: (attempt: PodAttempt) => void;
}

export interface GroupAlgorithmResult {
  readonly status: GroupStatus;
  readonly members: readonly MemberResult[];
  /** Present when a topology key applies. */
  readonly placements: PlacementReport | undefined;
}

export interface GroupContext {
  readonly cluster: SchedulerCache;
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
export function runDefaultAlgorithm(
  ctx: GroupContext,
  members: readonly PodInfo[],
  nodes: Int32Array,
): { status: GroupStatus; members: MemberResult[]; revert: () => void } {
  const { cluster, scheduler, policy, options } = ctx;
  const assumed: { pod: PodInfo; node: number; vector: Float64Array }[] = [];
  const removed: { pod: PodInfo; node: number; vector: Float64Array }[] = [];
  const results: MemberResult[] = [];
  let permitted = false;
  let preempting = false;
  for (const pod of members) {
    const vector = cluster.requestVector(pod);
    const attempt = scheduler.schedule(pod, vector, nodes, options);
    let node = attempt.node;
    let code: MemberCode;
    let message = '';
    let victims: readonly PodInfo[] | undefined;
    if (node === undefined) {
      options.onUnschedulable?.(attempt);
      const fitMessage = attempt.fitError?.message ?? '';
      const post = options.postFilter?.(pod, attempt, nodes);
      if (post?.node === undefined) {
        results.push({
          pod,
          code: 'Unschedulable',
          node: undefined,
          attempt,
          message: post?.message ? `${fitMessage} ${post.message}` : fitMessage,
        });
        continue;
      }
      node = post.node;
      victims = post.victims;
      message = fitMessage;
      preempting = true;
      for (const victim of victims) {
        const at = cluster.placement.get(victim.key) as number;
        const v = cluster.requestVector(victim);
        cluster.remove(victim, at, v);
        removed.push({ pod: victim, node: at, vector: v });
      }
    }
    cluster.add(pod, node, vector);
    assumed.push({ pod, node, vector });
    const admitted = gangScheduling.permit(cluster.scheduledMembers(ctx.groupKey).length, policy.minCount) === 'Success';
    if (admitted) permitted = true;
    if (victims) code = 'RequiresPreemption';
    else if (admitted) code = 'Success';
    else {
      code = 'Wait';
      message = GROUP_MESSAGE.permitWait;
    }
    results.push({ pod, code, node, attempt, message, ...(victims ? { victims } : {}) });
  }
  // Upstream: a Permit Success makes the group feasible; any preemption turns that into waiting.
  const status = permitted ? (preempting ? WAITING_FOR_PREEMPTION : SUCCESS) : UNSCHEDULABLE;
  const revert = (): void => {
    for (const a of assumed.reverse()) cluster.remove(a.pod, a.node, a.vector);
    for (const r of removed.reverse()) cluster.add(r.pod, r.node, r.vector);
  };
  return { status, members: results, revert };
}
