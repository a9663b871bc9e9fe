// An ObjectLookup over live informer caches (list, then watch) for the webhook: answers from memory,
// reports sync state for /readyz and cache sizes for metrics, and never blocks a lookup for more than
// a second (LookupUnavailableError instead), so admission stays within its timeout. Pods and
// PodGroups are also indexed as their events arrive (client-go's indexers), so the rules' questions
// are answered without listing a namespace. CompositePodGroups (1.37, v1alpha3 with its gate) are
// watched only where the server serves them; elsewhere that cache is empty and counts as synced.

import { LookupIndexes, LookupUnavailableError } from '@kubectl-workload/api';
import type { CompositePodGroup, Job, KubeObject, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';
import type { Informer, KubernetesListObject, KubernetesObject, ObjectCache, Watch } from '@kubernetes/client-node';
import type { ClusterClient } from './client.js';
import { resourcePath } from './kinds.js';

export const LOOKUP_KINDS = ['Workload', 'PodGroup', 'Pod', 'Job', 'PriorityClass', 'CompositePodGroup'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];
/** Kinds a cluster may not serve at all (1.36, or 1.37 with the CompositePodGroup gate off). */
const OPTIONAL_KINDS: ReadonlySet<LookupKind> = new Set(['CompositePodGroup']);
/** Indexed as their events arrive, for the questions asked by reference rather than by name. */
const INDEXED_KINDS: ReadonlySet<LookupKind> = new Set(['Pod', 'PodGroup', 'CompositePodGroup']);

export interface InformerLookupOptions {
  /** How long a lookup waits for a cache that has not synced yet; at most 1000 ms. */
  lookupTimeoutMs?: number;
  /** First retry delay after a list or watch failure; doubles up to 30 s. */
  retryDelayMs?: number;
  /** Told of every failed list or watch, with the delay before the retry (the webhook logs it). */
  onError?: (kind: LookupKind, message: string, retryInMs: number) => void;
}

type Cache = Informer<KubernetesObject> & ObjectCache<KubernetesObject>;

const MAX_LOOKUP_TIMEOUT_MS = 1000;
const MAX_RETRY_DELAY_MS = 30_000;

export class InformerLookup implements ObjectLookup {
  private readonly caches = new Map<LookupKind, Cache>();
  private readonly indexes = new LookupIndexes();
  private readonly syncedKinds = new Set<LookupKind>();
  private readonly errors = new Map<LookupKind, string>();
  private readonly syncListeners = new Set<() => void>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly lookupTimeoutMs: number;
  private stopped = false;

  constructor(
    private readonly client: ClusterClient,
    private readonly options: InformerLookupOptions = {},
  ) {
    this.lookupTimeoutMs = Math.min(options.lookupTimeoutMs ?? MAX_LOOKUP_TIMEOUT_MS, MAX_LOOKUP_TIMEOUT_MS);
    for (const kind of LOOKUP_KINDS) this.caches.set(kind, this.makeCache(kind));
  }

  /** Starts every informer; returns at once (use waitForSync to wait). */
  start(): this {
    for (const kind of LOOKUP_KINDS) void this.run(kind, this.options.retryDelayMs ?? 1000);
    return this;
  }

  get synced(): boolean {
    return this.syncedKinds.size === LOOKUP_KINDS.length;
  }

  /** True once every cache has listed; false if `timeoutMs` passes first. */
  waitForSync(timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.synced, timeoutMs);
  }

  /** Objects held per kind, for metrics. */
  cacheSizes(): Record<LookupKind, number> {
    return Object.fromEntries(LOOKUP_KINDS.map((kind) => [kind, this.cache(kind).list().length])) as Record<LookupKind, number>;
  }

  /** Why each unsynced cache is not ready (the last list/watch error), for /readyz. */
  notReady(): Partial<Record<LookupKind, string>> {
    return Object.fromEntries(LOOKUP_KINDS.filter((k) => !this.syncedKinds.has(k)).map((k) => [k, this.errors.get(k) ?? 'not synced yet']));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    // Pending waits answer now instead of holding the process open until their timeout.
    for (const listener of [...this.syncListeners]) listener();
    await Promise.all([...this.caches.values()].map((cache) => cache.stop()));
  }

  async getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return (await this.ready('Workload')).get(name, namespace) as Workload | undefined;
  }
  async getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return (await this.ready('PodGroup')).get(name, namespace) as PodGroup | undefined;
  }
  async podsOfPodGroup(namespace: string, podGroupName: string): Promise<readonly Pod[]> {
    await this.ready('Pod');
    return this.indexes.podsOfPodGroup(namespace, podGroupName);
  }
  async podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): Promise<readonly PodGroup[]> {
    await this.ready('PodGroup');
    return this.indexes.podGroupsFromTemplate(namespace, workloadName, templateName);
  }
  async podGroupsControlledBy(namespace: string, kind: string, name: string): Promise<readonly PodGroup[]> {
    await this.ready('PodGroup');
    return this.indexes.podGroupsControlledBy(namespace, kind, name);
  }
  async getJob(namespace: string, name: string): Promise<Job | undefined> {
    return (await this.ready('Job')).get(name, namespace) as Job | undefined;
  }
  async getCompositePodGroup(namespace: string, name: string): Promise<CompositePodGroup | undefined> {
    return (await this.ready('CompositePodGroup')).get(name, namespace) as CompositePodGroup | undefined;
  }
  async compositePodGroupsOfWorkload(namespace: string, workloadName: string): Promise<readonly CompositePodGroup[]> {
    await this.ready('CompositePodGroup');
    return this.indexes.compositePodGroupsOfWorkload(namespace, workloadName);
  }
  async childrenOfCompositePodGroup(namespace: string, parentName: string): Promise<readonly KubeObject[]> {
    await Promise.all([this.ready('PodGroup'), this.ready('CompositePodGroup')]);
    return this.indexes.childrenOfCompositePodGroup(namespace, parentName);
  }
  async getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return (await this.ready('PriorityClass')).get(name) as PriorityClass | undefined;
  }
  async listPriorityClasses(): Promise<readonly PriorityClass[]> {
    return (await this.ready('PriorityClass')).list() as PriorityClass[];
  }

  private cache(kind: LookupKind): Cache {
    return this.caches.get(kind) as Cache;
  }

  private makeCache(kind: LookupKind): Cache {
    const { k8s, kubeConfig } = this.client.rest;
    // Workload and PodGroup are listed in the version discovery finds (v1beta1 on 1.37, which no
    // longer serves v1alpha2); the watch must follow the list there, not the path built beforehand.
    let listed = resourcePath(kind);
    const list = async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const { items, resourceVersion, path } = await this.client.listWithVersion(kind, { scope: { allNamespaces: true } });
      listed = path;
      this.markSynced(kind);
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion }, items: items as unknown as KubernetesObject[] };
    };
    const stopped = (): boolean => this.stopped;
    class ListedPathWatch extends k8s.Watch {
      // A list answered, or a watch connected, after stop() would otherwise leave a watch nobody ends.
      override async watch(...args: Parameters<Watch['watch']>): ReturnType<Watch['watch']> {
        if (stopped()) return new AbortController();
        args[0] = listed;
        const controller = await super.watch(...args);
        if (stopped()) controller.abort();
        return controller;
      }
    }
    const cache = new k8s.ListWatch(listed, new ListedPathWatch(kubeConfig), list, false);
    if (INDEXED_KINDS.has(kind)) this.indexEvents(kind, cache);
    return cache;
  }

  /** Keeps the indexes in step with the cache: its add, update and delete events (relists included). */
  private indexEvents(kind: LookupKind, cache: Cache): void {
    // Informer objects are decoded JSON, so the API types describe them (dates are strings).
    const file = (obj: KubernetesObject): void =>
      this.indexes.set(kind, obj.metadata?.namespace ?? '', obj.metadata?.name ?? '', obj as KubeObject);
    cache.on('add', file);
    cache.on('update', file);
    cache.on('delete', (obj) => this.indexes.delete(kind, obj.metadata?.namespace ?? '', obj.metadata?.name ?? ''));
  }

  /** Runs one informer; on a list or watch failure, records why and restarts it after a backoff. */
  private async run(kind: LookupKind, delayMs: number): Promise<void> {
    const cache = this.cache(kind);
    const onError = (err: unknown): void => {
      cache.off('error', onError);
      const message = err instanceof Error ? err.message : String(err);
      this.errors.set(kind, message);
      if (this.stopped) return;
      this.options.onError?.(kind, message, delayMs);
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void this.run(kind, Math.min(delayMs * 2, MAX_RETRY_DELAY_MS));
      }, delayMs);
      this.retryTimers.add(timer);
    };
    cache.on('error', onError);
    if (OPTIONAL_KINDS.has(kind)) {
      let served: boolean;
      try {
        served = await this.client.serves(kind);
      } catch (err) {
        onError(err);
        return;
      }
      // Not served: nothing to watch, and no object of the kind can exist. Stopped meanwhile: nothing to start.
      if (!served || this.stopped) {
        cache.off('error', onError);
        if (!served) this.markSynced(kind);
        return;
      }
    }
    await cache.start();
  }

  private markSynced(kind: LookupKind): void {
    this.syncedKinds.add(kind);
    this.errors.delete(kind);
    for (const listener of this.syncListeners) listener();
  }

  private waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    if (condition() || this.stopped) return Promise.resolve(condition());
    return new Promise((resolve) => {
      const finish = (result: boolean): void => {
        clearTimeout(timer);
        this.syncListeners.delete(check);
        resolve(result);
      };
      const check = (): void => {
        if (condition() || this.stopped) finish(condition());
      };
      const timer = setTimeout(() => finish(condition()), timeoutMs);
      this.syncListeners.add(check);
    });
  }

  private async ready(kind: LookupKind): Promise<Cache> {
    if (!this.syncedKinds.has(kind) && !(await this.waitUntil(() => this.syncedKinds.has(kind), this.lookupTimeoutMs))) {
      const why = this.errors.get(kind);
      // Short: it ends up in an admission warning, which the API server may cut at 256 characters.
      throw new LookupUnavailableError(`${kind} cache not synced${why ? `: ${why}` : ` within ${this.lookupTimeoutMs} ms`}`);
    }
    return this.cache(kind);
  }
}
