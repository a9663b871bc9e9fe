// NodePorts: a host port is taken when protocol and port match and either IP is 0.0.0.0 or both are equal.

import { REASON } from '../messages.js';
import type { HostPort } from '../pod-info.js';
import type { FilterStatus } from '../status.js';

export const NAME = 'NodePorts';
export const STATUS: FilterStatus = { plugin: NAME, code: 'Unschedulable', reasons: [REASON.nodePorts] };

function conflicts(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip);
}

/** Filter: none of the wanted host ports is in use on the node. */
export function filter(wanted: readonly HostPort[], used: readonly HostPort[]): boolean {
  return !wanted.some((w) => used.some((u) => conflicts(w, u)));
}
