// The API resources the test server serves, as a real v1.36 kube-apiserver lists them in discovery.

export interface ServedResource {
  group: string;
  version: string;
  /** Plural resource name in URLs: `podgroups`. */
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

/** Read verbs only: the server refuses writes (the plugin must never write). */
export const READ_VERBS = ['get', 'list', 'watch'] as const;
export type ReadVerb = (typeof READ_VERBS)[number];

/** Verbs announced in discovery, as the real server does, so clients see ordinary resources. */
export const DISCOVERY_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCES: readonly ServedResource[] = [
  { group: '', version: 'v1', resource: 'namespaces', singularName: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', resource: 'nodes', singularName: 'node', kind: 'Node', namespaced: false, shortNames: ['no'] },
  { group: '', version: 'v1', resource: 'pods', singularName: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', resource: 'events', singularName: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'] },
  { group: '', version: 'v1', resource: 'secrets', singularName: 'secret', kind: 'Secret', namespaced: true },
  { group: 'batch', version: 'v1', resource: 'jobs', singularName: 'job', kind: 'Job', namespaced: true },
  { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', singularName: 'poddisruptionbudget', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'] },
  { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', singularName: 'priorityclass', kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] },
  { group: 'scheduling.k8s.io', version: 'v1alpha2', resource: 'workloads', singularName: 'workload', kind: 'Workload', namespaced: true },
  { group: 'scheduling.k8s.io', version: 'v1alpha2', resource: 'podgroups', singularName: 'podgroup', kind: 'PodGroup', namespaced: true },
];

export const SCHEDULING_ALPHA = { group: 'scheduling.k8s.io', version: 'v1alpha2' };

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
