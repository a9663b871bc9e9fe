// Filter statuses and the FitError text (framework.FitError.Error(), spec §5.1).

export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** One node's failing Filter status (upstream fwk.Status in NodeToStatus): the first failing plugin and its reasons. */
export interface FilterStatus {
  readonly plugin: string;
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

/**
 * `0/N nodes are available: <count reason>, ... .` Each node's reasons count once per node;
 * entries are sorted as plain strings (so "10 X" sorts before "2 Y").
 */
export function fitErrorMessage(numAllNodes: number, failures: Iterable<FilterStatus>): string {
  const counts = new Map<string, number>();
  for (const status of failures) for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const entries = [...counts].map(([reason, count]) => `${count} ${reason}`).sort();
  return `0/${numAllNodes} nodes are available: ${entries.join(', ')}.`;
}

/** A PreFilter rejection prints only its message: the per-node reasons would repeat it. */
export function preFilterFitErrorMessage(numAllNodes: number, message: string): string {
  return `0/${numAllNodes} nodes are available: ${message}.`;
}
