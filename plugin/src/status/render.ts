// `status` output: the kubectl-style table (plain and wide) and the JSON/YAML document, for the
// output layer's printers.

import type { Table } from '../output/table.js';
import { ageOf } from './duration.js';
import type { PodGroupStatusRow } from './rows.js';

export interface StatusTableOptions {
  /** `-o wide`: parent, topology, priority, disruption and message columns. */
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

/** `compositepodgroup/train`: kubectl's name for a row when one table lists more than one kind. */
const KIND_PREFIX: Readonly<Record<PodGroupStatusRow['kind'], string>> = {
  PodGroup: 'podgroup/',
  CompositePodGroup: 'compositepodgroup/',
};

/**
 * A 1.37 hierarchy is listed parent first (rows.ts); names carry their kind once a CompositePodGroup
 * is among the rows, as `kubectl get podgroups,compositepodgroups` prints them, and `-o wide` adds
 * the PARENT column (the default stays as narrow as kubectl's own tables).
 */
export function statusTable(rows: readonly PodGroupStatusRow[], options: StatusTableOptions): Table {
  const { wide } = options;
  const mixed = rows.some((row) => row.kind === 'CompositePodGroup');
  const headers = ['NAME', 'WORKLOAD/TEMPLATE', 'POLICY', 'MIN', 'PODS', 'SCHEDULED', 'AGE'];
  if (wide) headers.push('PARENT', 'TOPOLOGY', 'PRIORITY', 'DISRUPTION', 'MESSAGE');
  if (options.allNamespaces) headers.unshift('NAMESPACE');
  const cells = rows.map((row) => {
    const line = [
      mixed ? `${KIND_PREFIX[row.kind]}${row.name}` : row.name,
      row.workload ? `${row.workload.name}/${row.workload.template}` : NONE,
      row.policy,
      row.minCount === null ? NONE : String(row.minCount),
      `${row.pods.scheduled}/${row.pods.total}`,
      scheduledCell(row),
      ageOf(row.creationTimestamp ?? undefined, options.now),
    ];
    if (wide) {
      line.push(row.parent ?? NONE, row.topologyKey ?? NONE, priorityCell(row), row.disruptionMode ?? NONE, row.scheduled?.message || NONE);
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
