// meta.k8s.io/v1 Table responses: what `kubectl get` asks for (`Accept: application/json;as=Table;...`).
// Columns follow the real server for pods and nodes; other kinds get the default Name/Age.

import type { KubeObject, Node, Pod } from '@kubectl-workload/api';

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
  cell: (obj: KubeObject, now: number) => string | number;
}

/** `translateTimestampSince`: 45s, 12m, 5h, 3d. */
export function age(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 2 * 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 2 * 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

const column = (name: string, cell: Column['cell'], format = ''): Column => ({
  name,
  type: 'string',
  format,
  description: '',
  priority: 0,
  cell,
});

const NAME = column('Name', (obj) => obj.metadata?.name ?? '', 'name');
const AGE = column('Age', (obj, now) => age(obj.metadata?.creationTimestamp, now));

interface ContainerStatusLike {
  ready?: boolean;
  restartCount?: number;
}

function containerStatuses(pod: Pod): ContainerStatusLike[] {
  return (pod.status as { containerStatuses?: ContainerStatusLike[] } | undefined)?.containerStatuses ?? [];
}

const POD_COLUMNS: Column[] = [
  NAME,
  column('Ready', (obj) => {
    const pod = obj as Pod;
    const statuses = containerStatuses(pod);
    return `${statuses.filter((s) => s.ready).length}/${pod.spec?.containers?.length ?? 0}`;
  }),
  column('Status', (obj) => (obj as Pod).status?.phase ?? 'Pending'),
  column('Restarts', (obj) => containerStatuses(obj as Pod).reduce((n, s) => n + (s.restartCount ?? 0), 0)),
  AGE,
];

const NODE_COLUMNS: Column[] = [
  NAME,
  column('Status', (obj) => {
    const ready = ((obj as Node).status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions?.find(
      (c) => c.type === 'Ready',
    );
    const state = ready?.status === 'True' ? 'Ready' : 'NotReady';
    return (obj as Node).spec?.unschedulable ? `${state},SchedulingDisabled` : state;
  }),
  AGE,
];

function columnsFor(kind: string | undefined): Column[] {
  if (kind === 'Pod') return POD_COLUMNS;
  if (kind === 'Node') return NODE_COLUMNS;
  return [NAME, AGE];
}

/** Whether an Accept header asks for a Table (kubectl get does; -o json/yaml does not). */
export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept);
}

/** `metadata` is the list's: resourceVersion, and continue when there are more pages. */
export function toTable(kind: string | undefined, objects: KubeObject[], metadata: { resourceVersion: string; continue?: string }): object {
  const columns = columnsFor(kind);
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: columns.map(({ cell: _cell, ...definition }) => definition),
    rows: objects.map((obj) => ({
      cells: columns.map((c) => c.cell(obj, now)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
    })),
  };
}
