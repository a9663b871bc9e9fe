// NodeUnschedulable Filter: spec.unschedulable nodes take only pods tolerating node.kubernetes.io/unschedulable.

import type { Taint } from '@kubectl-workload/api';
import type { NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import { toleratesAll } from '../selectors.js';
import type { FilterStatus } from '../status.js';

export const NAME = 'NodeUnschedulable';
export const STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeUnschedulable] };

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function filter(pod: PodInfo, node: NodeInfo): boolean {
  return !node.unschedulable || toleratesAll(pod.tolerations, UNSCHEDULABLE_TAINT);
}
