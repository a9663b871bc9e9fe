// The server's objects, with one resourceVersion counter across all resources (like etcd's
// revision) and a history of changes so watches can resume from a resourceVersion.

import { randomUUID } from 'node:crypto';
import type { KubeObject } from '@kubectl-workload/api';
import { RESOURCES, qualifiedName, resourceForObject, type ServedResource } from './resources.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: ServedResource;
  object: KubeObject;
  revision: number;
}

export class FixtureError extends Error {}

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace') as ServedResource;

function keyOf(resource: ServedResource, namespace: string, name: string): string {
  return `${qualifiedName(resource)}/${namespace}/${name}`;
}

export class ObjectStore {
  private revision = 1;
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(objects: Iterable<KubeObject> = []) {
    for (const obj of objects) this.apply(obj);
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  /** Creates or replaces an object (ADDED / MODIFIED to watchers). Namespaces appear on first use. */
  apply(input: KubeObject): WatchEventType {
    const resource = resourceForObject(input.apiVersion, input.kind);
    const name = input.metadata?.name;
    if (!resource)
      throw new FixtureError(`${input.apiVersion ?? '<no apiVersion>'} ${input.kind ?? '<no kind>'} is not a resource this server serves`);
    if (!name) throw new FixtureError(`${input.kind} without metadata.name`);
    const namespace = resource.namespaced ? input.metadata?.namespace || 'default' : '';
    if (namespace && !this.objects.has(keyOf(NAMESPACES, '', namespace))) {
      this.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    }
    const key = keyOf(resource, namespace, name);
    const previous = this.objects.get(key);
    const object = structuredClone(input);
    this.revision++;
    object.metadata = {
      ...object.metadata,
      name,
      ...(namespace ? { namespace } : {}),
      uid: object.metadata?.uid ?? previous?.metadata?.uid ?? randomUUID(),
      creationTimestamp: object.metadata?.creationTimestamp ?? previous?.metadata?.creationTimestamp ?? new Date().toISOString(),
      resourceVersion: String(this.revision),
    };
    this.objects.set(key, object);
    const type = previous ? 'MODIFIED' : 'ADDED';
    this.record({ type, resource, object, revision: this.revision });
    return type;
  }

  /** Deletes an object; false if there was none. */
  remove(apiVersion: string, kind: string, namespace: string, name: string): boolean {
    const resource = resourceForObject(apiVersion, kind);
    if (!resource) throw new FixtureError(`${apiVersion} ${kind} is not a resource this server serves`);
    const key = keyOf(resource, resource.namespaced ? namespace : '', name);
    const previous = this.objects.get(key);
    if (!previous) return false;
    this.objects.delete(key);
    this.revision++;
    const object = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(this.revision) } };
    this.record({ type: 'DELETED', resource, object, revision: this.revision });
    return true;
  }

  get(resource: ServedResource, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(keyOf(resource, resource.namespaced ? namespace : '', name));
  }

  /** Objects of a resource, in one namespace or (namespace undefined) all, sorted like etcd keys. */
  list(resource: ServedResource, namespace?: string): KubeObject[] {
    const prefix = `${qualifiedName(resource)}/${namespace === undefined ? '' : `${namespace}/`}`;
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, obj]) => obj);
  }

  /** Changes after `revision`, oldest first. */
  changesSince(revision: number): StoreEvent[] {
    return this.history.filter((event) => event.revision > revision);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
  }
}
