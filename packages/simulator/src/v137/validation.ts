// Pre-cycle validation of a 1.37 scheduling unit (SO-PG, scheduler-1.37.md §3.1): over every pod of
// the whole hierarchy (queued and already scheduled, leaf by leaf), first failure wins: one
// schedulerName, the root group's priority, one preemption policy (the root group's with the
// PodGroupPreemptionPolicy gate, else the first pod's), then a profile for that schedulerName.

import type { PodGroup } from '@kubectl-workload/api';
import type { PreemptionPolicy, PriorityResolver } from '../preemption/priority.js';
import { GROUP_MESSAGE, GROUP_MESSAGE_1_37 } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { GroupNode } from './hierarchy.js';

/** The priority the hierarchy is scheduled at: the root group's (spec.priority, else its class, else the global default, else 0). */
export function groupPriority(priorities: PriorityResolver, node: GroupNode): number {
  return priorities.podGroupPriority(node.object as PodGroup);
}

/** A group's spec.preemptionPolicy (default PreemptLowerPriority). */
export function groupPreemptionPolicy(node: GroupNode): PreemptionPolicy {
  return node.object.spec?.preemptionPolicy === 'Never' ? 'Never' : 'PreemptLowerPriority';
}

export interface ValidationInput {
  readonly root: GroupNode;
  /** Every pod of the hierarchy, leaf by leaf. */
  readonly pods: readonly PodInfo[];
  readonly priorities: PriorityResolver;
  /** The PodGroupPreemptionPolicy gate. */
  readonly policyGate: boolean;
  readonly hasProfile: (schedulerName: string) => boolean;
}

/** The validation error, or undefined when the unit may be scheduled. */
export function validateUnit({ root, pods, priorities, policyGate, hasProfile }: ValidationInput): string | undefined {
  const first = pods[0];
  if (!first) return undefined;
  const rootPriority = groupPriority(priorities, root);
  const rootPolicy = groupPreemptionPolicy(root);
  const firstPolicy = priorities.podPreemptionPolicy(first);
  for (const pod of pods) {
    if (pod.schedulerName !== first.schedulerName) return GROUP_MESSAGE.schedulerNameMismatch(pod.schedulerName, first.schedulerName);
    if (pod.priority !== rootPriority) return GROUP_MESSAGE_1_37.priorityMismatch(pod.priority, rootPriority);
    const policy = priorities.podPreemptionPolicy(pod);
    if (policyGate && policy !== rootPolicy) return GROUP_MESSAGE_1_37.groupPreemptionPolicyMismatch(policy, rootPolicy);
    if (!policyGate && policy !== firstPolicy) return GROUP_MESSAGE_1_37.preemptionPolicyMismatch(policy, firstPolicy);
  }
  return hasProfile(first.schedulerName) ? undefined : GROUP_MESSAGE_1_37.profileNotFound(first.schedulerName);
}
