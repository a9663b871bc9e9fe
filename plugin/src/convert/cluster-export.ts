// `convert --cluster`: the v1alpha2 objects of a 1.36 cluster that must be deleted before the upgrade
// (MIG-01: 1.37 has no conversion, and MIG-02: objects left in etcd can no longer be read or deleted),
// their 1.37 manifests in the order to recreate them, and the gate changes of MIG-05.

import { Document } from 'yaml';
import type { KubeObject, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';
import { convertDocuments, toYamlStream, type ObjectReport } from './convert-documents.js';

export interface ClusterObjects {
  workloads: readonly Workload[];
  podGroups: readonly PodGroup[];
  priorityClasses: readonly PriorityClass[];
}

export interface ExportFile {
  name: string;
  text: string;
  count: number;
}

export interface ClusterExport {
  /** Written in this order, which is the order to create them in on 1.37 (Workloads before the PodGroups naming them). */
  files: ExportFile[];
  reports: ObjectReport[];
  /** `kubectl delete` lines to run on 1.36, PodGroups first (their finalizer waits for the pods). */
  deleteCommands: string[];
  /** Objects a Job owns: the 1.37 Job controller recreates them itself for Jobs that have not started (MIG-06). */
  jobOwned: string[];
  checklist: string[];
}

const KEY = (obj: KubeObject) => `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

function byNamespace(objects: readonly KubeObject[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const obj of objects) {
    const namespace = obj.metadata?.namespace ?? 'default';
    const list = names.get(namespace);
    if (list) list.push(obj.metadata?.name ?? '');
    else names.set(namespace, [obj.metadata?.name ?? '']);
  }
  return names;
}

function deleteLines(resource: string, objects: readonly KubeObject[]): string[] {
  return [...byNamespace(objects)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([namespace, names]) => `kubectl delete ${resource} -n ${namespace} ${names.sort().join(' ')}`);
}

function ownedByJob(obj: KubeObject): boolean {
  return (obj.metadata?.ownerReferences ?? []).some(
    (owner) => owner.controller === true && owner.kind === 'Job' && owner.apiVersion === 'batch/v1',
  );
}

/** MIG-05, MIG-04 and MIG-07 as steps an operator ticks off. */
export const UPGRADE_CHECKLIST: readonly string[] = [
  'Before the upgrade, on 1.36: run the delete commands above and wait until the PodGroups are gone (their scheduling.k8s.io/podgroup-protection finalizer waits until their pods are terminal or deleted; MIG-04).',
  'Remove GangScheduling and WorkloadAwarePreemption from --feature-gates of kube-apiserver, kube-scheduler and kube-controller-manager: 1.37 merged them into GenericWorkload and a component given an unknown gate does not start (MIG-05).',
  'Keep GenericWorkload=true on those components, and add --runtime-config=scheduling.k8s.io/v1beta1=true to kube-apiserver (scheduling.k8s.io/v1alpha3=true as well for CompositePodGroup or PodGroupPreemptionPolicy).',
  'Upgrade, then create the files of the output directory in name order (kubectl apply -f DIR): Workloads before the PodGroups that name them.',
  "Add back the ownerReferences the report says were dropped, with the recreated objects' new UIDs.",
  'To go back to 1.36 later: delete the v1beta1/v1alpha3 objects first and re-add GangScheduling and WorkloadAwarePreemption (MIG-07).',
];

export function exportCluster(objects: ClusterObjects, target: string): ClusterExport {
  const context = {
    priorityClasses: new Map(
      objects.priorityClasses.flatMap((pc) =>
        pc.metadata?.name && typeof pc.value === 'number' ? [[pc.metadata.name, pc.value] as const] : [],
      ),
    ),
  };
  const sorted = <T extends KubeObject>(list: readonly T[]) => [...list].sort((a, b) => KEY(a).localeCompare(KEY(b)));
  const groups = [
    { name: '01-workloads.yaml', objects: sorted(objects.workloads) },
    { name: '02-podgroups.yaml', objects: sorted(objects.podGroups) },
  ];
  const reports: ObjectReport[] = [];
  const files = groups
    .filter((group) => group.objects.length > 0)
    .map((group) => {
      const documents = group.objects.map((obj) => ({ doc: new Document(obj) }));
      const converted = convertDocuments([{ file: group.name, documents }], target, context);
      reports.push(...converted.reports);
      return { name: group.name, text: toYamlStream(converted.documents), count: documents.length };
    });
  return {
    files,
    reports,
    deleteCommands: [
      ...deleteLines('podgroups.v1alpha2.scheduling.k8s.io', objects.podGroups),
      ...deleteLines('workloads.v1alpha2.scheduling.k8s.io', objects.workloads),
    ],
    jobOwned: [
      ...objects.workloads.filter(ownedByJob).map((w) => `Workload ${KEY(w)}`),
      ...objects.podGroups.filter(ownedByJob).map((g) => `PodGroup ${KEY(g)}`),
    ],
    checklist: [...UPGRADE_CHECKLIST],
  };
}
