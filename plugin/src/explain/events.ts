// Events for explain's live view: listed from the cluster, or read from the snapshot file (a
// snapshot taken with `kubectl get events -o yaml` appended carries them). Events only add
// context, so failing to read them is a warning, not an error.

import { readFile } from 'node:fs/promises';
import { namespaceOf, parseObjectsFile, splitApiVersion } from '@kubectl-workload/api';
import type { ClusterSource, KubeEvent } from '@kubectl-workload/cluster';

export interface LoadedEvents {
  readonly events: KubeEvent[];
  readonly warning: string | null;
}

function isEvent(obj: { apiVersion?: string; kind?: string }): boolean {
  const { group, version } = splitApiVersion(obj.apiVersion);
  return obj.kind === 'Event' && group === '' && version === 'v1';
}

export async function loadEvents(source: ClusterSource, namespace: string): Promise<LoadedEvents> {
  try {
    if ('client' in source) return { events: await source.client.list('Event', { scope: { namespace } }), warning: null };
    const objects = parseObjectsFile(await readFile(source.snapshot, 'utf8'), source.snapshot);
    return { events: objects.filter((o) => isEvent(o) && namespaceOf(o) === namespace) as KubeEvent[], warning: null };
  } catch (err) {
    return { events: [], warning: `cannot read events, showing none: ${(err as Error).message}` };
  }
}
