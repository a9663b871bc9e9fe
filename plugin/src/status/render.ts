// `status` output: the kubectl-style table (plain and wide) and the JSON/YAML document, for the
// output layer's printers.

import type { Table } from '../output/table.js';
import { ageOf } from './duration.js';
import type { PodGroupStatusRow } from './rows.js';

export interface StatusTableOptions {
  /** `-o wide`: topology, priority, disruption and message columns. */
  readonly wide: boolean;
  /** `-A`: a NAMESPACE column first, as kubectl prints it. */
  readonly allNamespaces: boolean;
  /** Milliseconds since the epoch, for AGE. */
  readonly now: number;
}

const NONE = '<none>';

function scheduledCell(row: PodGroupStatusRow): string {
  if (!row.scheduled) return NONE;
  return row.scheduled.reason ? `${row.scheduled.status}/${row.scheduled.reason}` : row.scheduled.status;
}

function priorityCell(row: PodGroupStatusRow): string {
  if (row.priorityClassName && row.priority !== null) return `${row.priorityClassName} (${row.priority})`;
  return row.priorityClassName ?? (row.priority === null ? NONE : String(row.priority));
}

export function statusTable(rows: readonly PodGroupStatusRow[], options: StatusTableOptions): Table {
  const { wide } = options;
  const headers = ['NAME', 'WORKLOAD/TEMPLATE', 'POLICY', 'MIN', 'PODS', 'SCHEDULED', 'AGE'];
  if (wide) headers.push('TOPOLOGY', 'PRIORITY', 'DISRUPTION', 'MESSAGE');
  if (options.allNamespaces) headers.unshift('NAMESPACE');
  const cells = rows.map((row) => {
    const line = [
      row.name,
      row.workload ? `${row.workload.name}/${row.workload.template}` : NONE,
      row.policy,
      row.minCount === null ? NONE : String(row.minCount),
      `${row.pods.scheduled}/${row.pods.total}`,
      scheduledCell(row),
      ageOf(row.creationTimestamp ?? undefined, options.now),
    ];
    if (wide) {
      line.push(row.topologyKey ?? NONE, priorityCell(row), row.disruptionMode ?? NONE, row.scheduled?.message || NONE);
    }
    if (options.allNamespaces) line.unshift(row.namespace);
    return line;
  });
  return { headers, rows: cells };
}

/** The JSON/YAML document: no AGE (it depends on the clock), creationTimestamp instead. */
export function statusDocument(rows: readonly PodGroupStatusRow[]): { kind: 'PodGroupStatusList'; items: readonly PodGroupStatusRow[] } {
  return { kind: 'PodGroupStatusList', items: rows };
}
