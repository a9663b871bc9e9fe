// NodeName Filter: a pod with spec.nodeName fits only that node.

import type { NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';

export const NAME = 'NodeName';
export const STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeName] };

export function filter(pod: PodInfo, node: NodeInfo): boolean {
  const nodeName = pod.pod.spec?.nodeName;
  return !nodeName || nodeName === node.name;
}
