// The PersistentVolumeClaims controllers create before the scheduler sees a pod, so that -f asks
// the volume plugins about them: the ephemeral volume controller's `<pod>-<volume>` claim, owned by
// the pod, and a StatefulSet's `<template>-<set>-<ordinal>` claim with the pod volume naming it.

import { nameOf, namespaceOf, type KubeObject, type PersistentVolumeClaim, type Pod } from '@kubectl-workload/api';

function claim(
  name: string,
  namespace: string,
  template: KubeObject & { spec?: PersistentVolumeClaim['spec'] },
  owner?: Pod,
): PersistentVolumeClaim {
  const { labels, annotations } = template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'v1',
                kind: 'Pod',
                name: nameOf(owner),
                uid: owner.metadata?.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: structuredClone(template.spec ?? {}),
    status: { phase: 'Pending' },
  };
}

/** ephemeral.VolumeClaimName: one claim per generic ephemeral volume, controlled by the pod. */
export function ephemeralClaims(pod: Pod): PersistentVolumeClaim[] {
  return (pod.spec?.volumes ?? []).flatMap((v) =>
    v.ephemeral ? [claim(`${nameOf(pod)}-${v.name ?? ''}`, namespaceOf(pod), v.ephemeral.volumeClaimTemplate ?? {}, pod)] : [],
  );
}

export interface StatefulSetClaimTemplates {
  readonly spec?: { volumeClaimTemplates?: (KubeObject & { spec?: PersistentVolumeClaim['spec'] })[] };
}

/** The StatefulSet controller's updateStorage: each claim template becomes the pod volume of that name. */
export function statefulSetClaims(set: KubeObject & StatefulSetClaimTemplates, pod: Pod, ordinal: number): PersistentVolumeClaim[] {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) return [];
  const claims = templates.map((t) => claim(`${nameOf(t)}-${nameOf(set)}-${ordinal}`, namespaceOf(pod), t));
  const spec = pod.spec ?? {};
  const named = new Set(templates.map((t) => nameOf(t)));
  spec.volumes = [
    ...(spec.volumes ?? []).filter((v) => !named.has(v.name ?? '')),
    ...templates.map((t, i) => ({ name: nameOf(t), persistentVolumeClaim: { claimName: nameOf(claims[i] as KubeObject) } })),
  ];
  pod.spec = spec;
  return claims;
}
