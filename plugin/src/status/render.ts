// `status` output: the kubectl-style table (plain and wide) and the JSON/YAML documents.

import { stringify } from 'yaml';
import { ageOf } from './duration.js';
import type { PodGroupStatusRow } from './rows.js';
import { renderTable } from './table.js';

export type StatusFormat = 'table' | 'wide' | 'json' | 'yaml';

export interface StatusRenderOptions {
  readonly format: StatusFormat;
  /** `-A`: a NAMESPACE column first, as kubectl prints it. */
  readonly allNamespaces: boolean;
  readonly noHeaders: boolean;
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

function tableOf(rows: readonly PodGroupStatusRow[], options: StatusRenderOptions) {
  const wide = options.format === 'wide';
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

export function renderStatus(rows: readonly PodGroupStatusRow[], options: StatusRenderOptions): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(statusDocument(rows), null, 2) + '\n';
    case 'yaml':
      return stringify(statusDocument(rows));
    case 'table':
    case 'wide':
      return renderTable(tableOf(rows, options), { noHeaders: options.noHeaders });
  }
}
