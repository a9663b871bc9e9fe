// The indexes behind ObjectLookup's questions, kept by every implementation (manifests, snapshots,
// live informer caches): client-go's cache.Indexer with the index functions the rules need —
// pods by namespace/podGroupName, PodGroups by namespace/workload[/template] and by controller, and
// (1.37) PodGroups and CompositePodGroups by their parent CompositePodGroup, CompositePodGroups by Workload.

import { kubeVersionOfObject } from './objects.js';
import type { CompositePodGroup, PodGroup137 } from './scheduling-1.37.js';
import type { KubeObject, OwnerReference, Pod, PodGroup } from './types.js';

export interface TemplateRef {
  workloadName: string;
  templateName: string;
}

/**
 * A PodGroup's template reference when both names are set (validation, PG-04..06, reports anything
 * less): `spec.podGroupTemplateRef.workload` in 1.36, `spec.workloadRef` in 1.37.
 */
export function templateRefOf(podGroup: PodGroup): TemplateRef | undefined {
  if (kubeVersionOfObject(podGroup) === '1.37') {
    const workloadRef = (podGroup as PodGroup137).spec?.workloadRef;
    return workloadRef?.workloadName && workloadRef.templateName
      ? { workloadName: workloadRef.workloadName, templateName: workloadRef.templateName }
      : undefined;
  }
  const ref = podGroup.spec?.podGroupTemplateRef?.workload;
  return ref?.workloadName && ref.podGroupTemplateName
    ? { workloadName: ref.workloadName, templateName: ref.podGroupTemplateName }
    : undefined;
}

/** The ownerReference marked `controller: true`, if any. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

// Joins key parts with a character no name can hold, so "a/b"+"c" and "a"+"b/c" stay apart even
// in manifests with invalid names.
const key = (...parts: string[]): string => parts.join('\u0000');

/** Objects filed under the keys `keysOf` gives; the order within a key is the order of filing. */
class Index<T extends KubeObject> {
  private readonly buckets = new Map<string, T[]>();

  constructor(private readonly keysOf: (obj: T, namespace: string) => readonly string[]) {}

  file(obj: T, namespace: string): void {
    for (const k of this.keysOf(obj, namespace)) {
      const bucket = this.buckets.get(k);
      if (bucket) bucket.push(obj);
      else this.buckets.set(k, [obj]);
    }
  }

  unfile(obj: T, namespace: string): void {
    for (const k of this.keysOf(obj, namespace)) {
      const bucket = this.buckets.get(k);
      const at = bucket?.indexOf(obj) ?? -1;
      if (!bucket || at < 0) continue;
      bucket.splice(at, 1);
      if (!bucket.length) this.buckets.delete(k);
    }
  }

  /** The stored bucket itself (no copy: callers only read it). */
  get(k: string): readonly T[] {
    return this.buckets.get(k) ?? [];
  }
}

const podGroupKeys = (pod: Pod, namespace: string): string[] => {
  const group = pod.spec?.schedulingGroup?.podGroupName;
  return group ? [key(namespace, group)] : [];
};

const templateKeys = (podGroup: PodGroup, namespace: string): string[] => {
  const ref = templateRefOf(podGroup);
  return ref ? [key(namespace, ref.workloadName), key(namespace, ref.workloadName, ref.templateName)] : [];
};

const workloadKeys = (composite: CompositePodGroup, namespace: string): string[] => {
  const workload = composite.spec?.workloadRef?.workloadName;
  return workload ? [key(namespace, workload)] : [];
};

const parentKeys = (group: KubeObject, namespace: string): string[] => {
  const parent = (group as PodGroup137).spec?.parentCompositePodGroupName;
  return parent ? [key(namespace, parent)] : [];
};

const controllerKeys = (podGroup: PodGroup, namespace: string): string[] => {
  const ref = controllerRefOf(podGroup);
  return ref ? [key(namespace, ref.kind, ref.name)] : [];
};

/**
 * The indexed Pods and PodGroups of one store. A set of manifests only `add`s (every manifest
 * counts, like the namespace lists they replace); a live cache `set`s, replacing the object of the
 * same kind, namespace and name (an informer update), and `delete`s.
 */
export class LookupIndexes {
  private readonly current = new Map<string, KubeObject>();
  private readonly podsByGroup = new Index<Pod>(podGroupKeys);
  private readonly podGroupsByTemplate = new Index<PodGroup>(templateKeys);
  private readonly podGroupsByController = new Index<PodGroup>(controllerKeys);
  private readonly groupsByParent = new Index<KubeObject>(parentKeys);
  private readonly compositesByWorkload = new Index<CompositePodGroup>(workloadKeys);

  /** Files a Pod, PodGroup or CompositePodGroup (other kinds are not indexed) under `namespace`. */
  add(kind: string, namespace: string, obj: KubeObject): void {
    if (kind === 'Pod') this.podsByGroup.file(obj, namespace);
    else if (kind === 'PodGroup') {
      this.podGroupsByTemplate.file(obj, namespace);
      this.podGroupsByController.file(obj, namespace);
      this.groupsByParent.file(obj, namespace);
    } else if (kind === 'CompositePodGroup') {
      this.groupsByParent.file(obj, namespace);
      this.compositesByWorkload.file(obj, namespace);
    }
  }

  /** Files `obj` in place of the one filed under the same kind, namespace and name. */
  set(kind: string, namespace: string, name: string, obj: KubeObject): void {
    if (kind !== 'Pod' && kind !== 'PodGroup' && kind !== 'CompositePodGroup') return;
    this.delete(kind, namespace, name);
    this.current.set(key(kind, namespace, name), obj);
    this.add(kind, namespace, obj);
  }

  delete(kind: string, namespace: string, name: string): void {
    const k = key(kind, namespace, name);
    const old = this.current.get(k);
    if (!old) return;
    this.current.delete(k);
    if (kind === 'Pod') this.podsByGroup.unfile(old, namespace);
    else if (kind === 'PodGroup') {
      this.podGroupsByTemplate.unfile(old, namespace);
      this.podGroupsByController.unfile(old, namespace);
      this.groupsByParent.unfile(old, namespace);
    } else {
      this.groupsByParent.unfile(old, namespace);
      this.compositesByWorkload.unfile(old, namespace);
    }
  }

  podsOfPodGroup(namespace: string, podGroupName: string): readonly Pod[] {
    return this.podsByGroup.get(key(namespace, podGroupName));
  }

  podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): readonly PodGroup[] {
    return this.podGroupsByTemplate.get(
      templateName === undefined ? key(namespace, workloadName) : key(namespace, workloadName, templateName),
    );
  }

  compositePodGroupsOfWorkload(namespace: string, workloadName: string): readonly CompositePodGroup[] {
    return this.compositesByWorkload.get(key(namespace, workloadName));
  }

  childrenOfCompositePodGroup(namespace: string, parentName: string): readonly KubeObject[] {
    return this.groupsByParent.get(key(namespace, parentName));
  }

  podGroupsControlledBy(namespace: string, kind: string, name: string): readonly PodGroup[] {
    return this.podGroupsByController.get(key(namespace, kind, name));
  }
}
