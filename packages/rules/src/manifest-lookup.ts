// ObjectLookup over a set of manifests (lint) or a snapshot file: an in-memory index by kind.

import { knownKind, namespaceOf, nameOf } from '@kubectl-workload/api';
import type { Job, KubeObject, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

export class ManifestLookup implements ObjectLookup {
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byKindNamespace = new Map<string, KubeObject[]>();

  constructor(objects: Iterable<KubeObject>, private readonly defaultNamespace = 'default') {
    for (const obj of objects) this.add(obj);
  }

  add(obj: KubeObject): void {
    const kind = knownKind(obj);
    if (!kind) return;
    const ns = kind === 'PriorityClass' || kind === 'Node' ? '' : namespaceOf(obj, this.defaultNamespace);
    this.byKey.set(`${kind}/${ns}/${nameOf(obj)}`, obj);
    const listKey = `${kind}/${ns}`;
    const list = this.byKindNamespace.get(listKey);
    if (list) list.push(obj);
    else this.byKindNamespace.set(listKey, [obj]);
  }

  private get<T>(kind: string, ns: string, name: string): Promise<T | undefined> {
    return Promise.resolve(this.byKey.get(`${kind}/${ns}/${name}`) as T | undefined);
  }

  /** The stored list itself (no copy: lint asks for a namespace's pods once per pod). */
  private list<T extends KubeObject>(kind: string, ns: string): Promise<readonly T[]> {
    // Lists are keyed by kind, so the list for `kind` holds only objects of that kind.
    const objects: readonly KubeObject[] = this.byKindNamespace.get(`${kind}/${ns}`) ?? [];
    return Promise.resolve(objects as readonly T[]);
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.get('Workload', namespace, name);
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.get('PodGroup', namespace, name);
  }
  listPodGroups(namespace: string): Promise<readonly PodGroup[]> {
    return this.list('PodGroup', namespace);
  }
  listPods(namespace: string): Promise<readonly Pod[]> {
    return this.list('Pod', namespace);
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.get('Job', namespace, name);
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.get('PriorityClass', '', name);
  }
}
