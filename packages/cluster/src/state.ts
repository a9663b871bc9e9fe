// The cluster objects a command works on, by kind, from a live cluster or a snapshot file
// (`kubectl workload snapshot > FILE`, or any `kubectl get -o yaml` output). Both give the same shape.

import { SNAPSHOT_GATES_ANNOTATION } from './feature-gates.js';
import { readFile } from 'node:fs/promises';
import { knownKind, parseObjectsFile } from '@kubectl-workload/api';
import type {
  CompositePodGroup,
  CSINode,
  Job,
  KubeObject,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodDisruptionBudget,
  PodGroup,
  PriorityClass,
  ReplicaSet,
  ReplicationController,
  Service,
  StatefulSet,
  StorageClass,
  Workload,
} from '@kubectl-workload/api';
import { ManifestLookup } from '@kubectl-workload/rules';
import { connect, type ClusterClient, type Scope } from './client.js';
import { ApiNotServedError, ClusterAccessError, ForbiddenError } from './errors.js';
import { isCoreEvent, recentSubjectEvents } from './events.js';
import { CLUSTER_KINDS, type ClusterKind, type KubeEvent } from './kinds.js';
import { addKueueObject, emptyKueueState, isKueueObject, kueueObjects, listKueue, type KueueState } from './kueue.js';
import { DRA_KIND_NAMES, DRA_STATE_KINDS, emptyDraState, type DraState } from './dra-kinds.js';
import type { SourceOptions } from './options.js';

export interface ClusterState extends DraState {
  nodes: Node[];
  pods: Pod[];
  podGroups: PodGroup[];
  /** scheduling.k8s.io/v1alpha3, listed only from a cluster that serves it (1.37 with the CompositePodGroup gate). */
  compositePodGroups: CompositePodGroup[];
  workloads: Workload[];
  jobs: Job[];
  priorityClasses: PriorityClass[];
  podDisruptionBudgets: PodDisruptionBudget[];
  /** What VolumeBinding, VolumeZone and NodeVolumeLimits read. */
  persistentVolumeClaims: PersistentVolumeClaim[];
  persistentVolumes: PersistentVolume[];
  storageClasses: StorageClass[];
  csiNodes: CSINode[];
  /** What default topology spreading selects by (PodTopologySpread's DefaultSelector). */
  services: Service[];
  replicationControllers: ReplicationController[];
  replicaSets: ReplicaSet[];
  statefulSets: StatefulSet[];
  /** Recent core/v1 Events about Pods, PodGroups and Jobs (events.ts). */
  events: KubeEvent[];
  /** Why a live cluster's events could not be listed (RBAC); the state then holds none. */
  eventsError?: string;
  /** Cluster-scoped kinds a namespace-scoped user may not list (Nodes, PriorityClasses): why, per kind; the state holds none of them. */
  forbidden?: string[];
  /**
   * Set for a live 1.37 cluster that does not serve compositepodgroups (no v1alpha3, or its gate off):
   * its PodGroups may still name parents, which cannot be created (ADM-10a). Unknown for a snapshot.
   */
  compositePodGroupsNotServed?: true;
  /** The feature gates a snapshot was taken with (`A=true,B=false`), from its List annotation. */
  featureGates?: string;
  /** Kueue's objects, when the cluster serves kueue.x-k8s.io or the snapshot holds some (kueue.ts). */
  kueue?: KueueState;
}

/**
 * Kinds a user may be refused while the rest still answers: Events add context, cluster-scoped kinds
 * need cluster-wide RBAC, DRA kinds matter only to pods with claims.
 */
const DRA_KINDS: ReadonlySet<string> = new Set(DRA_KIND_NAMES);
const OPTIONAL_KINDS: ReadonlySet<string> = new Set([
  'Event',
  'Node',
  'PriorityClass',
  // Storage: a user whose RBAC predates volume simulation still gets a state, told what is missing.
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'CSINode',
  // Default topology spreading: without them pods are simply not spread by default.
  'Service',
  'ReplicationController',
  'ReplicaSet',
  'StatefulSet',
  ...DRA_KINDS,
]);

/** The kinds a snapshot captures, in the order they are written, with their ClusterState field. */
export const STATE_KINDS = [
  ['Node', 'nodes'],
  ['PriorityClass', 'priorityClasses'],
  ['Workload', 'workloads'],
  ['CompositePodGroup', 'compositePodGroups'],
  ['PodGroup', 'podGroups'],
  ['Job', 'jobs'],
  ['Pod', 'pods'],
  ['PodDisruptionBudget', 'podDisruptionBudgets'],
  ['Service', 'services'],
  ['ReplicationController', 'replicationControllers'],
  ['ReplicaSet', 'replicaSets'],
  ['StatefulSet', 'statefulSets'],
  ['StorageClass', 'storageClasses'],
  ['CSINode', 'csiNodes'],
  ['PersistentVolume', 'persistentVolumes'],
  ['PersistentVolumeClaim', 'persistentVolumeClaims'],
  ...DRA_STATE_KINDS,
  ['Event', 'events'],
] as const satisfies ReadonlyArray<readonly [ClusterKind, keyof ClusterState]>;

/**
 * A live cluster (Events listed only with `events`: they can be many, and only explain and snapshot
 * use them), or a snapshot file narrowed to a scope (all namespaces unless one is given).
 */
export type ClusterSource =
  | { client: ClusterClient; onProgress?: ProgressListener; events?: boolean; kueue?: boolean }
  | { snapshot: string; scope?: Scope };

/** Called as each kind arrives from a live cluster (the snapshot command shows it on a terminal). */
export type ProgressListener = (kind: string, count: number) => void;

/**
 * The source the flags name: `--snapshot FILE` (narrowed by `-n`, else all namespaces, since a
 * snapshot has no current context), or the cluster of the kubeconfig and connection flags.
 */
export async function sourceFromOptions(options: SourceOptions, env: NodeJS.ProcessEnv = process.env): Promise<ClusterSource> {
  if (options.snapshot === undefined)
    return {
      client: await connect(options, env),
      ...(options.withEvents ? { events: true } : {}),
      ...(options.withKueue ? { kueue: true } : {}),
    };
  const scope: Scope = options.namespace && !options.allNamespaces ? { namespace: options.namespace } : { allNamespaces: true };
  return { snapshot: options.snapshot, scope };
}

export function emptyState(): ClusterState {
  return {
    nodes: [],
    pods: [],
    podGroups: [],
    compositePodGroups: [],
    workloads: [],
    jobs: [],
    priorityClasses: [],
    podDisruptionBudgets: [],
    persistentVolumeClaims: [],
    persistentVolumes: [],
    storageClasses: [],
    csiNodes: [],
    services: [],
    replicationControllers: [],
    replicaSets: [],
    statefulSets: [],
    ...emptyDraState(),
    events: [],
  };
}

function inScope(obj: KubeObject, kind: ClusterKind, scope: Scope | undefined): boolean {
  if (!scope || 'allNamespaces' in scope || !CLUSTER_KINDS[kind].namespaced) return true;
  return (obj.metadata?.namespace || 'default') === scope.namespace;
}

function stateKind(obj: KubeObject): string | undefined {
  return knownKind(obj) ?? (isCoreEvent(obj) ? 'Event' : undefined);
}

/** Sorts objects of a snapshot file into a ClusterState; kinds it does not capture are ignored. */
export function stateFromObjects(objects: Iterable<KubeObject>, scope?: Scope): ClusterState {
  const state = emptyState();
  const fields = new Map<string, keyof ClusterState>(STATE_KINDS);
  const kueue = emptyKueueState();
  let sawKueue = false;
  for (const obj of objects) {
    if (isKueueObject(obj)) {
      sawKueue = addKueueObject(kueue, obj, scope) || sawKueue;
      continue;
    }
    const kind = stateKind(obj);
    const field = kind && fields.get(kind);
    if (!kind || !field || !inScope(obj, kind as ClusterKind, scope)) continue;
    (state[field] as KubeObject[]).push(obj);
  }
  state.events = recentSubjectEvents(state.events);
  return sawKueue ? { ...state, kueue } : state;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory; give a file (a List, multi-document YAML or JSON)',
  EACCES: 'permission denied',
};

/** A snapshot file's text (the plugin's --snapshot and the webhook's); unreadable: an error naming file and flag. */
export async function readSnapshotText(file: string): Promise<string> {
  try {
    // One buffer decoded once: with an encoding, readFile decodes chunk by chunk into a string that
    // JSON.parse must flatten first (~0.1 s more on a 57 MB snapshot).
    return (await readFile(file)).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = (code && READ_PROBLEMS[code]) ?? (err instanceof Error ? err.message : String(err));
    throw new ClusterAccessError(`cannot read snapshot "${file}" (--snapshot): ${why}`);
  }
}

async function readSnapshot(file: string, scope?: Scope): Promise<ClusterState> {
  const annotations = new Map<string, string>();
  const state = stateFromObjects(parseObjectsFile(await readSnapshotText(file), file, annotations), scope);
  const gates = annotations.get(SNAPSHOT_GATES_ANNOTATION);
  return gates === undefined ? state : { ...state, featureGates: gates };
}

async function readLive(
  client: ClusterClient,
  onProgress: ProgressListener | undefined,
  events: boolean,
  withKueue: boolean,
): Promise<ClusterState> {
  // The client already narrowed namespaced kinds to its scope and set apiVersion/kind on items.
  let eventsError: string | undefined;
  const forbidden: string[] = [];
  let compositesServed = true;
  const kinds = STATE_KINDS.filter(([kind]) => events || kind !== 'Event');
  const lists = await Promise.all(
    kinds.map(async ([kind]) => {
      // A 1.36 cluster, or a 1.37 one without v1alpha3, has no CompositePodGroups to list.
      if (!(await client.serves(kind))) {
        if (kind === 'CompositePodGroup') compositesServed = false;
        return [];
      }
      const items = await client.list(kind).catch((err: unknown) => {
        // A cluster without resource.k8s.io/v1 (before 1.34) has no DRA objects.
        if (DRA_KINDS.has(kind) && err instanceof ApiNotServedError) return [];
        // A user allowed the namespaced kinds still gets a state, told what is missing.
        if (!OPTIONAL_KINDS.has(kind) || !(err instanceof ForbiddenError)) throw err;
        if (kind === 'Event') eventsError = err.message;
        else forbidden.push(err.message);
        return [];
      });
      onProgress?.(kind, items.length);
      return items;
    }),
  );
  const kueue = withKueue ? await listKueue(client, onProgress) : { state: undefined, forbidden: [] };
  forbidden.push(...kueue.forbidden);
  const state = stateFromObjects(lists.flat());
  return {
    ...state,
    ...(kueue.state ? { kueue: kueue.state } : {}),
    ...(eventsError === undefined ? {} : { eventsError }),
    ...(forbidden.length ? { forbidden: forbidden.sort() } : {}),
    // On 1.36 no PodGroup can name a parent: only a 1.37 cluster has something to say.
    ...(!compositesServed && (await client.kubeVersion()) === '1.37' ? { compositePodGroupsNotServed: true as const } : {}),
  };
}

export function loadClusterState(source: ClusterSource): Promise<ClusterState> {
  return 'client' in source
    ? readLive(source.client, source.onProgress, source.events === true, source.kueue === true)
    : readSnapshot(source.snapshot, source.scope);
}

/** Every object of a state, in snapshot order (Kueue's before events, events last). */
export function stateObjects(state: ClusterState): KubeObject[] {
  const objects = STATE_KINDS.flatMap(([kind, field]) => (kind === 'Event' ? [] : (state[field] as KubeObject[])));
  return [...objects, ...(state.kueue ? kueueObjects(state.kueue) : []), ...state.events];
}

/** What `kubectl workload snapshot` writes: a `v1 List`, like `kubectl get -o yaml`. */
export function stateToList(state: ClusterState): {
  apiVersion: 'v1';
  kind: 'List';
  metadata: { resourceVersion: ''; annotations?: Record<string, string> };
  items: KubeObject[];
} {
  const annotations = state.featureGates === undefined ? {} : { annotations: { [SNAPSHOT_GATES_ANNOTATION]: state.featureGates } };
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '', ...annotations }, items: stateObjects(state) };
}

/** An ObjectLookup over a snapshot or a loaded state: the manifest lookup lint uses. */
export function snapshotLookup(state: ClusterState): ManifestLookup {
  return new ManifestLookup(stateObjects(state));
}
