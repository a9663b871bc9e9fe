// The one kind table: where each kind we read or check lives in the API (group, served versions,
// plural resource name, scope). Rules, lint, the webhook and the cluster client all read it.

export type KnownKind =
  | 'Workload'
  | 'PodGroup'
  | 'Pod'
  | 'Job'
  | 'CronJob'
  | 'Deployment'
  | 'StatefulSet'
  | 'ReplicaSet'
  | 'DaemonSet'
  | 'Service'
  | 'ReplicationController'
  | 'Node'
  | 'PriorityClass'
  | 'PodDisruptionBudget'
  | 'CompositePodGroup'
  | 'ResourceClaim'
  | 'ResourceClaimTemplate'
  | 'DeviceClass'
  | 'ResourceSlice'
  | 'PersistentVolumeClaim'
  | 'PersistentVolume'
  | 'StorageClass'
  | 'CSINode';

/** Every kind in the table: those the rules check, and core/v1 Event, which only `explain` reads. */
export type ApiKind = KnownKind | 'Event';

export interface KindInfo {
  readonly group: string;
  /** Served versions, the preferred (1.36) one first. */
  readonly versions: readonly string[];
  /** The resource name in REST paths and API server messages (`podgroups`). */
  readonly plural: string;
  readonly namespaced: boolean;
}

const kind = (group: string, versions: readonly string[], plural: string, namespaced = true): KindInfo => ({
  group,
  versions,
  plural,
  namespaced,
});
const SCHEDULING_VERSIONS = ['v1alpha2', 'v1beta1', 'v1alpha3'];

export const KINDS: Readonly<Record<ApiKind, KindInfo>> = {
  Workload: kind('scheduling.k8s.io', SCHEDULING_VERSIONS, 'workloads'),
  PodGroup: kind('scheduling.k8s.io', SCHEDULING_VERSIONS, 'podgroups'),
  CompositePodGroup: kind('scheduling.k8s.io', ['v1alpha3'], 'compositepodgroups'),
  Pod: kind('', ['v1'], 'pods'),
  Node: kind('', ['v1'], 'nodes', false),
  Event: kind('', ['v1'], 'events'),
  Job: kind('batch', ['v1'], 'jobs'),
  CronJob: kind('batch', ['v1'], 'cronjobs'),
  Deployment: kind('apps', ['v1'], 'deployments'),
  StatefulSet: kind('apps', ['v1'], 'statefulsets'),
  ReplicaSet: kind('apps', ['v1'], 'replicasets'),
  DaemonSet: kind('apps', ['v1'], 'daemonsets'),
  Service: kind('', ['v1'], 'services'),
  ReplicationController: kind('', ['v1'], 'replicationcontrollers'),
  PriorityClass: kind('scheduling.k8s.io', ['v1'], 'priorityclasses', false),
  PodDisruptionBudget: kind('policy', ['v1'], 'poddisruptionbudgets'),
  ResourceClaim: kind('resource.k8s.io', ['v1'], 'resourceclaims'),
  ResourceClaimTemplate: kind('resource.k8s.io', ['v1'], 'resourceclaimtemplates'),
  DeviceClass: kind('resource.k8s.io', ['v1'], 'deviceclasses', false),
  ResourceSlice: kind('resource.k8s.io', ['v1'], 'resourceslices', false),
  PersistentVolumeClaim: kind('', ['v1'], 'persistentvolumeclaims'),
  PersistentVolume: kind('', ['v1'], 'persistentvolumes', false),
  StorageClass: kind('storage.k8s.io', ['v1'], 'storageclasses', false),
  CSINode: kind('storage.k8s.io', ['v1'], 'csinodes', false),
};

export function isApiKind(name: string | undefined): name is ApiKind {
  return name !== undefined && Object.hasOwn(KINDS, name);
}

/** Whether objects of a kind live in a namespace; a kind outside the table is taken to be namespaced. */
export function isNamespaced(name: string | undefined): boolean {
  return isApiKind(name) ? KINDS[name].namespaced : true;
}

/** `scheduling.k8s.io/v1alpha2`, `v1`: the version the tools read a kind at. */
export function preferredApiVersion(name: ApiKind): string {
  const { group, versions } = KINDS[name];
  return group ? `${group}/${versions[0] ?? ''}` : (versions[0] ?? '');
}
