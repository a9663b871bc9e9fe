// ObjectLookup over a set of manifests (lint) or a snapshot file: in-memory, by name and indexed.

import { knownKind, LookupIndexes, namespaceOf, nameOf } from '@kubectl-workload/api';
import type { CompositePodGroup, Job, KubeObject, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

/** A manifest may hold a name that is no string (`name: 1`): it is filed and found by its text. */
const textOf = (value: unknown): string => String(value);

export class ManifestLookup implements ObjectLookup {
  /** By kind, namespace and name: nested maps, so that a lookup (several per object linted) builds no key string. */
  private readonly byName = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly indexes = new LookupIndexes();
  /** By name: X-06 asks for every class on each PodGroup, so the answer must not scan all objects. */
  private readonly priorityClasses = new Map<string, PriorityClass>();

  constructor(
    objects: Iterable<KubeObject>,
    private readonly defaultNamespace = 'default',
  ) {
    for (const obj of objects) this.add(obj);
  }

  add(obj: KubeObject): void {
    const kind = knownKind(obj);
    if (!kind) return;
    const ns = kind === 'PriorityClass' || kind === 'Node' ? '' : textOf(namespaceOf(obj, this.defaultNamespace));
    let namespaces = this.byName.get(kind);
    if (!namespaces) this.byName.set(kind, (namespaces = new Map<string, Map<string, KubeObject>>()));
    let names = namespaces.get(ns);
    if (!names) namespaces.set(ns, (names = new Map<string, KubeObject>()));
    names.set(textOf(nameOf(obj)), obj);
    this.indexes.add(kind, ns, obj);
    if (kind === 'PriorityClass') this.priorityClasses.set(nameOf(obj), obj);
  }

  private get<T>(kind: string, ns: string, name: string): Promise<T | undefined> {
    return Promise.resolve(this.byName.get(kind)?.get(textOf(ns))?.get(textOf(name)) as T | undefined);
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.get('Workload', namespace, name);
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.get('PodGroup', namespace, name);
  }
  podsOfPodGroup(namespace: string, podGroupName: string): Promise<readonly Pod[]> {
    return Promise.resolve(this.indexes.podsOfPodGroup(namespace, podGroupName));
  }
  podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): Promise<readonly PodGroup[]> {
    return Promise.resolve(this.indexes.podGroupsFromTemplate(namespace, workloadName, templateName));
  }
  podGroupsControlledBy(namespace: string, kind: string, name: string): Promise<readonly PodGroup[]> {
    return Promise.resolve(this.indexes.podGroupsControlledBy(namespace, kind, name));
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.get('Job', namespace, name);
  }
  getCompositePodGroup(namespace: string, name: string): Promise<CompositePodGroup | undefined> {
    return this.get('CompositePodGroup', namespace, name);
  }
  compositePodGroupsOfWorkload(namespace: string, workloadName: string): Promise<readonly CompositePodGroup[]> {
    return Promise.resolve(this.indexes.compositePodGroupsOfWorkload(namespace, workloadName));
  }
  childrenOfCompositePodGroup(namespace: string, parentName: string): Promise<readonly KubeObject[]> {
    return Promise.resolve(this.indexes.childrenOfCompositePodGroup(namespace, parentName));
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.get('PriorityClass', '', name);
  }
  listPriorityClasses(): Promise<readonly PriorityClass[]> {
    return Promise.resolve([...this.priorityClasses.values()]);
  }
}
