// Read-only access to the objects the plugin needs: GET and LIST only, never a write.

import { KUBE_VERSIONS } from '@kubectl-workload/api';
import type { KubeObject, KubeVersion } from '@kubectl-workload/api';
import { ApiNotServedError, ClusterAccessError, KUBECTL_HINTS, ObjectNotFoundError, type AccessHints } from './errors.js';
import {
  CLUSTER_KINDS,
  qualifiedResourceOf,
  resourcePath,
  SCHEDULING_VERSIONS_BY_PREFERENCE,
  schedulingReadVersion,
  VERSIONED_SCHEDULING_KINDS,
  withVersion,
  type ClusterKind,
  type ClusterKindTypes,
  type KindInfo,
} from './kinds.js';
import { resolveConfig } from './kubeconfig.js';
import type { ClusterOptions } from './options.js';
import { RestClient } from './rest.js';
import { didYouMean } from './suggest.js';

/** Where to list: one namespace, or every namespace. */
export type Scope = { namespace: string } | { allNamespaces: true };

export interface ListOptions {
  /** Defaults to the client's scope (`-n` / the context's namespace, or `-A`). */
  scope?: Scope;
  labelSelector?: string;
  fieldSelector?: string;
}

interface ListBody<T> {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: T[];
}

export interface ObjectList<T> {
  items: T[];
  resourceVersion: string;
  /** The collection path listed (in the version discovery chose): where a watch of the same objects goes. */
  path: string;
}

export class ClusterClient {
  /** Objects per list page, kubectl's --chunk-size default. */
  chunkSize = 500;

  constructor(
    readonly rest: RestClient,
    /** The namespace commands default to: `-n`, else the context's, else `default`. */
    readonly namespace: string,
    readonly allNamespaces: boolean,
  ) {}

  get server(): string {
    return this.rest.server;
  }

  private schedulingVersions?: Promise<readonly string[] | undefined>;

  /** The scheduling.k8s.io versions discovery lists; undefined when discovery failed (not remembered: the next call asks again). */
  private servedSchedulingVersions(): Promise<readonly string[] | undefined> {
    this.schedulingVersions ??= this.rest
      .getJson<{ versions?: Array<{ version?: string }> }>('/apis/scheduling.k8s.io', {}, { verb: 'discover', group: 'scheduling.k8s.io' })
      .then(
        (group) => (group.versions ?? []).map((served) => served.version ?? ''),
        () => {
          this.schedulingVersions = undefined;
          return undefined;
        },
      );
    return this.schedulingVersions;
  }

  /** The scheduling.k8s.io version Workloads and PodGroups are read in (schedulingReadVersion, ADM-10b). */
  private async servedSchedulingVersion(): Promise<string> {
    return (await this.schedulingVersion()) ?? schedulingReadVersion([], await this.kubeVersion());
  }

  /** The version Workloads and PodGroups are read in, as discovery says it (ADM-10b); undefined when discovery failed. */
  async schedulingVersion(): Promise<string | undefined> {
    const served = await this.servedSchedulingVersions();
    if (!served) return undefined;
    const known = SCHEDULING_VERSIONS_BY_PREFERENCE.some((v) => served.includes(v));
    // Only a server listing none of them needs /version to say which one to ask for.
    return schedulingReadVersion(served, known ? undefined : await this.kubeVersion());
  }

  /**
   * A client over the same connection that asks discovery afresh: each client remembers the served
   * versions it first saw, so a long-running caller takes a new one to notice a control-plane upgrade.
   */
  withFreshDiscovery(): ClusterClient {
    const fresh = new ClusterClient(this.rest, this.namespace, this.allNamespaces);
    fresh.chunkSize = this.chunkSize;
    return fresh;
  }

  /**
   * The Kubernetes version whose workload-scheduling API the server speaks: discovery first (1.37
   * serves v1beta1/v1alpha3, 1.36 v1alpha2), else the minor of `/version` when neither is served.
   * Undefined when neither says (an older or unreachable server): the caller picks a default.
   */
  async kubeVersion(): Promise<KubeVersion | undefined> {
    const served = await this.servedSchedulingVersions();
    if (served?.some((v) => v === 'v1beta1' || v === 'v1alpha3')) return '1.37';
    if (served?.includes('v1alpha2')) return '1.36';
    const info = await this.rest
      .getJson<{ major?: string; minor?: string }>('/version', {}, { verb: 'get', resource: 'version' })
      .catch(() => undefined);
    const version = `${info?.major ?? ''}.${(info?.minor ?? '').replace(/\+$/, '')}`;
    return KUBE_VERSIONS.find((v) => v === version);
  }

  /** Whether the server lists `kind`'s resource in its API version (CompositePodGroup needs its gate and v1alpha3). */
  async serves(kind: ClusterKind): Promise<boolean> {
    // Every other kind is served wherever the plugin runs (Workload and PodGroup in the version discovery chose).
    if (kind !== 'CompositePodGroup') return true;
    const info = CLUSTER_KINDS[kind];
    if (!((await this.servedSchedulingVersions()) ?? []).includes(info.version)) return false;
    const list = await this.rest
      .getJson<{ resources?: Array<{ name?: string }> }>(
        `/apis/${info.apiVersion}`,
        {},
        { verb: 'discover', group: info.group, version: info.version },
      )
      .catch((err: unknown) => {
        if (err instanceof ApiNotServedError || err instanceof ObjectNotFoundError) return { resources: [] };
        throw err;
      });
    return (list.resources ?? []).some((r) => r.name === info.resource);
  }

  /** Where a kind lives on this server. */
  private async kindInfo(kind: ClusterKind): Promise<KindInfo> {
    const info = CLUSTER_KINDS[kind];
    return VERSIONED_SCHEDULING_KINDS.has(kind) ? withVersion(info, await this.servedSchedulingVersion()) : info;
  }

  get scope(): Scope {
    return this.allNamespaces ? { allNamespaces: true } : { namespace: this.namespace };
  }

  /** Every object of a kind in the scope, across pages, with apiVersion/kind set on each item. */
  async listWithVersion<K extends ClusterKind>(kind: K, options: ListOptions = {}): Promise<ObjectList<ClusterKindTypes[K]>> {
    const info = await this.kindInfo(kind);
    const scope = options.scope ?? this.scope;
    const namespace = info.namespaced && 'namespace' in scope ? scope.namespace : undefined;
    const path = resourcePath(kind, namespace, undefined, info);
    const items: ClusterKindTypes[K][] = [];
    let token: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.rest.getJson<ListBody<ClusterKindTypes[K]>>(
        path,
        { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, limit: String(this.chunkSize), continue: token },
        { verb: 'list', resource: qualifiedResourceOf(kind), group: info.group, version: info.version, namespace },
      );
      for (const item of page.items ?? []) items.push({ apiVersion: info.apiVersion, kind, ...item });
      token = page.metadata?.continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (token);
    return { items, resourceVersion, path };
  }

  async list<K extends ClusterKind>(kind: K, options: ListOptions = {}): Promise<Array<ClusterKindTypes[K]>> {
    return (await this.listWithVersion(kind, options)).items;
  }

  /** One object; a ClusterAccessError naming close names when it does not exist. */
  async get<K extends ClusterKind>(kind: K, name: string, namespace = this.namespace): Promise<ClusterKindTypes[K]> {
    const found = await this.find(kind, name, namespace);
    if (found) return found;
    const info = CLUSTER_KINDS[kind];
    const where = info.namespaced ? ` in namespace "${namespace}"` : '';
    const others = await this.list(kind, { scope: { namespace } }).catch(() => [] as KubeObject[]);
    const hint = didYouMean(
      name,
      others.map((o) => o.metadata?.name ?? ''),
    );
    throw new ClusterAccessError(`${qualifiedResourceOf(kind)} "${name}" not found${where}${hint}`);
  }

  /** One object, or undefined when the server says it does not exist. */
  async find<K extends ClusterKind>(kind: K, name: string, namespace = this.namespace): Promise<ClusterKindTypes[K] | undefined> {
    const info = await this.kindInfo(kind);
    const ns = info.namespaced ? namespace : undefined;
    try {
      const obj = await this.rest.getJson<ClusterKindTypes[K]>(
        resourcePath(kind, ns, name, info),
        {},
        { verb: 'get', resource: qualifiedResourceOf(kind), group: info.group, version: info.version, namespace: ns, name },
      );
      return { apiVersion: info.apiVersion, kind, ...obj };
    } catch (err) {
      if (err instanceof ObjectNotFoundError) return undefined;
      throw err;
    }
  }
}

/** Connects with the kubectl flags. Nothing is sent until the first request. `hints`: what error messages suggest. */
export async function connect(
  options: ClusterOptions,
  env: NodeJS.ProcessEnv = process.env,
  hints: AccessHints = KUBECTL_HINTS,
): Promise<ClusterClient> {
  const config = await resolveConfig(options, env);
  const rest = new RestClient(config.k8s, config.kubeConfig, config.server, config.timeoutMs, hints);
  return new ClusterClient(rest, config.namespace, options.allNamespaces ?? false);
}
