// The API resources the test server serves, as a real v1.36 or v1.37 kube-apiserver lists them in
// discovery. 1.37 removed scheduling.k8s.io/v1alpha2 and serves Workload and PodGroup as v1beta1 and
// v1alpha3 (the same object under both), CompositePodGroup as v1alpha3 only (api-rules-1.37.md ADM-10).

export interface ServedResource {
  group: string;
  version: string;
  /** Plural resource name in URLs: `podgroups`. */
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Served only by this Kubernetes minor version (both when absent). */
  only?: KubernetesVersion;
}

export const KUBERNETES_VERSIONS = ['1.36', '1.37'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

export const KUEUE_GROUP = 'kueue.x-k8s.io';

/** Read verbs only: the server refuses writes (the plugin must never write). */
export const READ_VERBS = ['get', 'list', 'watch'] as const;
export type ReadVerb = (typeof READ_VERBS)[number];

/** Verbs announced in discovery, as the real server does, so clients see ordinary resources. */
export const DISCOVERY_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** resource.k8s.io/v1 (DRA, GA since 1.34), served by both versions. */
const DRA_RESOURCES: readonly ServedResource[] = [
  {
    group: 'resource.k8s.io',
    version: 'v1',
    resource: 'resourceclaims',
    singularName: 'resourceclaim',
    kind: 'ResourceClaim',
    namespaced: true,
  },
  {
    group: 'resource.k8s.io',
    version: 'v1',
    resource: 'resourceclaimtemplates',
    singularName: 'resourceclaimtemplate',
    kind: 'ResourceClaimTemplate',
    namespaced: true,
  },
  {
    group: 'resource.k8s.io',
    version: 'v1',
    resource: 'deviceclasses',
    singularName: 'deviceclass',
    kind: 'DeviceClass',
    namespaced: false,
  },
  {
    group: 'resource.k8s.io',
    version: 'v1',
    resource: 'resourceslices',
    singularName: 'resourceslice',
    kind: 'ResourceSlice',
    namespaced: false,
  },
];

export const RESOURCES: readonly ServedResource[] = [
  { group: '', version: 'v1', resource: 'namespaces', singularName: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', resource: 'nodes', singularName: 'node', kind: 'Node', namespaced: false, shortNames: ['no'] },
  { group: '', version: 'v1', resource: 'pods', singularName: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', resource: 'events', singularName: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'] },
  { group: '', version: 'v1', resource: 'secrets', singularName: 'secret', kind: 'Secret', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'jobs', singularName: 'job', kind: 'Job', namespaced: true },
  // What default topology spreading selects by (PodTopologySpread's DefaultSelector).
  { group: '', version: 'v1', resource: 'services', singularName: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'] },
  {
    group: '',
    version: 'v1',
    resource: 'replicationcontrollers',
    singularName: 'replicationcontroller',
    kind: 'ReplicationController',
    namespaced: true,
    shortNames: ['rc'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    singularName: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    singularName: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'persistentvolumeclaims',
    singularName: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'persistentvolumes',
    singularName: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    resource: 'storageclasses',
    singularName: 'storageclass',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
  },
  { group: 'storage.k8s.io', version: 'v1', resource: 'csinodes', singularName: 'csinode', kind: 'CSINode', namespaced: false },
  {
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    singularName: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1',
    resource: 'priorityclasses',
    singularName: 'priorityclass',
    kind: 'PriorityClass',
    namespaced: false,
    shortNames: ['pc'],
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1alpha2',
    resource: 'workloads',
    singularName: 'workload',
    kind: 'Workload',
    namespaced: true,
    only: '1.36',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1alpha2',
    resource: 'podgroups',
    singularName: 'podgroup',
    kind: 'PodGroup',
    namespaced: true,
    only: '1.36',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1beta1',
    resource: 'workloads',
    singularName: 'workload',
    kind: 'Workload',
    namespaced: true,
    only: '1.37',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1beta1',
    resource: 'podgroups',
    singularName: 'podgroup',
    kind: 'PodGroup',
    namespaced: true,
    only: '1.37',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1alpha3',
    resource: 'workloads',
    singularName: 'workload',
    kind: 'Workload',
    namespaced: true,
    only: '1.37',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1alpha3',
    resource: 'podgroups',
    singularName: 'podgroup',
    kind: 'PodGroup',
    namespaced: true,
    only: '1.37',
  },
  {
    group: 'scheduling.k8s.io',
    version: 'v1alpha3',
    resource: 'compositepodgroups',
    singularName: 'compositepodgroup',
    kind: 'CompositePodGroup',
    namespaced: true,
    only: '1.37',
  },
  ...kueueResources('v1beta1'),
  ...kueueResources('v1beta2'),
  ...DRA_RESOURCES,
];

/** Kueue's API (kueue.x-k8s.io), served only when the server plays a cluster with Kueue installed. */
function kueueResources(version: string): ServedResource[] {
  const kueue = (resource: string, kind: string, namespaced: boolean, shortNames: string[]): ServedResource => ({
    group: KUEUE_GROUP,
    version,
    resource,
    singularName: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
  });
  return [
    kueue('workloads', 'Workload', true, ['wl']),
    kueue('localqueues', 'LocalQueue', true, ['queue', 'queues', 'lq']),
    kueue('clusterqueues', 'ClusterQueue', false, ['cq']),
    kueue('resourceflavors', 'ResourceFlavor', false, ['flavor', 'flavors', 'rf']),
  ];
}

/** The workload-scheduling API versions the switch `serveSchedulingAlpha` turns off (1.36's, and 1.37's). */
export function isWorkloadSchedulingApi(r: { group: string; resource: string }): boolean {
  return r.group === 'scheduling.k8s.io' && r.resource !== 'priorityclasses';
}

export function groupVersion(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `podgroups.scheduling.k8s.io`, `pods`: how the API server names a resource in messages. */
export function qualifiedName(r: ServedResource): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export function resourceForObject(apiVersion: string | undefined, kind: string | undefined): ServedResource | undefined {
  return RESOURCES.find((r) => groupVersion(r) === apiVersion && r.kind === kind);
}
