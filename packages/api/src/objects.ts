// Recognising objects by apiVersion/kind, and naming them the way kubectl and the API server do.

import type { KubeVersion } from './gates.js';
import { isApiKind, KINDS } from './kinds.js';
import type { KnownKind } from './kinds.js';
import type { KubeObject, Pod } from './types.js';

export function splitApiVersion(apiVersion: string | undefined): { group: string; version: string } {
  const av = apiVersion ?? '';
  const slash = av.indexOf('/');
  return slash < 0 ? { group: '', version: av } : { group: av.slice(0, slash), version: av.slice(slash + 1) };
}

/** The kind if apiVersion and kind name one we understand, else undefined. */
export function knownKind(obj: KubeObject): KnownKind | undefined {
  const kind = obj.kind;
  // Event is in the table for the cluster client; no rule checks it.
  if (!isApiKind(kind) || kind === 'Event') return undefined;
  const meta = KINDS[kind];
  const { group, version } = splitApiVersion(obj.apiVersion);
  return group === meta.group && meta.versions.includes(version) ? kind : undefined;
}

/**
 * The Kubernetes version a workload-scheduling object is written for, by its API version: v1alpha2
 * exists only in 1.36, v1beta1 and v1alpha3 only in 1.37 (MIG-01, ADM-10). Other objects say nothing.
 */
export function kubeVersionOfObject(obj: KubeObject): KubeVersion | undefined {
  const { group, version } = splitApiVersion(obj.apiVersion);
  if (group !== 'scheduling.k8s.io') return undefined;
  if (version === 'v1alpha2') return '1.36';
  return version === 'v1beta1' || version === 'v1alpha3' ? '1.37' : undefined;
}

/**
 * The Kubernetes version a set of objects was read from (a snapshot): the first workload-scheduling
 * object's, since a cluster serves only one version's API; undefined when none says.
 */
export function kubeVersionOfObjects(objects: Iterable<KubeObject>): KubeVersion | undefined {
  for (const obj of objects) {
    const version = kubeVersionOfObject(obj);
    if (version) return version;
  }
  return undefined;
}

export function resourceOf(kind: KnownKind): { group: string; resource: string } {
  const meta = KINDS[kind];
  return { group: meta.group, resource: meta.plural };
}

/** `podgroups.scheduling.k8s.io`, `pods`: the qualified resource in API server messages. */
export function qualifiedResource(kind: KnownKind): string {
  const { group, resource } = resourceOf(kind);
  return group ? `${resource}.${group}` : resource;
}

/** `PodGroup.scheduling.k8s.io`, `Pod`: the qualified kind in "is invalid" messages. */
export function qualifiedKind(kind: string, apiVersion: string | undefined): string {
  const { group } = splitApiVersion(apiVersion);
  return group ? `${kind}.${group}` : kind;
}

export function namespaceOf(obj: KubeObject, fallback = 'default'): string {
  return obj.metadata?.namespace || fallback;
}

export function nameOf(obj: KubeObject): string {
  return obj.metadata?.name ?? obj.metadata?.generateName ?? '';
}

/** `kind/namespace/name`, the key that matches an object to its older version. */
export function objectKey(obj: KubeObject, defaultNamespace = 'default'): string {
  return `${obj.kind ?? ''}/${namespaceOf(obj, defaultNamespace)}/${nameOf(obj)}`;
}

/** A pod in phase Succeeded or Failed: it holds no resources, and no PodGroup waits on it (PG-51). */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
