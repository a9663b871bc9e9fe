// Live lookups that follow an in-place control-plane upgrade (1.36 serves scheduling.k8s.io/v1alpha2,
// 1.37 v1beta1): discovery is read again every --discovery-interval, as long-running Kubernetes
// clients refresh theirs. When the served version changes, informer caches are built in the new one
// and swapped in once they have synced (the old ones answer until then), then the old ones close.

import type {
  CompositePodGroup,
  Job,
  KubeObject,
  KubeVersion,
  ObjectLookup,
  Pod,
  PodGroup,
  PriorityClass,
  Workload,
} from '@kubectl-workload/api';
import type { ClusterClient, InformerLookup, LookupKind } from '@kubectl-workload/cluster';
import type { Logger } from 'pino';

/** What one discovery said. */
export interface Discovered {
  /** The version Workloads and PodGroups are read in; undefined when discovery failed. */
  readonly schedulingVersion: string | undefined;
  readonly kubeVersion: KubeVersion | undefined;
}

export interface FollowOptions {
  /** Each generation of caches gets its own client: its discovery, and so the version it lists in, stays fixed. */
  client: ClusterClient;
  discover(client: ClusterClient): Promise<Discovered>;
  /** Started informer caches over `client`. */
  informers(client: ClusterClient): InformerLookup;
  /** How often discovery is read again; 0: once, at start-up. */
  intervalMs: number;
  /** --kube-version: the caches follow the served version, the checks keep this one. */
  pinnedKubeVersion?: KubeVersion;
  logger: Logger;
}

/** Caches in one discovered version. */
interface Generation {
  readonly discovered: Discovered;
  readonly lookup: InformerLookup;
}

/** A new caches' sync that takes longer than this is reported (and still waited for). */
const SYNC_REPORT_MS = 60_000;

const sameVersions = (a: Discovered, b: Discovered): boolean =>
  a.schedulingVersion === b.schedulingVersion && a.kubeVersion === b.kubeVersion;

export class FollowingLookup implements ObjectLookup {
  private current: Generation;
  /** Caches being built for a version discovery found since; swapped in once synced. */
  private next: Generation | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly options: FollowOptions,
    first: Generation,
  ) {
    this.current = first;
    this.schedule();
  }

  static async start(options: FollowOptions): Promise<FollowingLookup> {
    const client = options.client.withFreshDiscovery();
    const discovered = await options.discover(client);
    return new FollowingLookup(options, { discovered, lookup: options.informers(client) });
  }

  /** The Kubernetes version discovery says the cluster runs, for the caches in use. */
  get kubeVersion(): KubeVersion | undefined {
    return this.current.discovered.kubeVersion;
  }

  /** The caches lookups are answered from. */
  get caches(): InformerLookup {
    return this.current.lookup;
  }

  /** Objects per kind in the caches in use. */
  cacheSizes(): Record<LookupKind, number> {
    return this.current.lookup.cacheSizes();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all([this.current.lookup.stop(), this.abandonNext()]);
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.current.lookup.getWorkload(namespace, name);
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.current.lookup.getPodGroup(namespace, name);
  }
  podsOfPodGroup(namespace: string, podGroupName: string): Promise<readonly Pod[]> {
    return this.current.lookup.podsOfPodGroup(namespace, podGroupName);
  }
  podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): Promise<readonly PodGroup[]> {
    return this.current.lookup.podGroupsFromTemplate(namespace, workloadName, templateName);
  }
  podGroupsControlledBy(namespace: string, kind: string, name: string): Promise<readonly PodGroup[]> {
    return this.current.lookup.podGroupsControlledBy(namespace, kind, name);
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.current.lookup.getJob(namespace, name);
  }
  getCompositePodGroup(namespace: string, name: string): Promise<CompositePodGroup | undefined> {
    return this.current.lookup.getCompositePodGroup(namespace, name);
  }
  compositePodGroupsOfWorkload(namespace: string, workloadName: string): Promise<readonly CompositePodGroup[]> {
    return this.current.lookup.compositePodGroupsOfWorkload(namespace, workloadName);
  }
  childrenOfCompositePodGroup(namespace: string, parentName: string): Promise<readonly KubeObject[]> {
    return this.current.lookup.childrenOfCompositePodGroup(namespace, parentName);
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.current.lookup.getPriorityClass(name);
  }
  listPriorityClasses(): Promise<readonly PriorityClass[]> {
    return this.current.lookup.listPriorityClasses();
  }

  /** The next check after the previous one finished: a slow API server never gets overlapping discovery. */
  private schedule(): void {
    if (this.options.intervalMs <= 0 || this.closed) return;
    this.timer = setTimeout(() => void this.guarded(this.check()).finally(() => this.schedule()), this.options.intervalMs);
  }

  /** Following is best effort: a failure is logged and the caches in use keep answering, never an unhandled rejection. */
  private guarded(step: Promise<void>): Promise<void> {
    return step.catch((err: unknown) => this.options.logger.error({ err }, 'following the served scheduling.k8s.io version failed'));
  }

  private async check(): Promise<void> {
    const client = this.options.client.withFreshDiscovery();
    const found = await this.options.discover(client).catch((): Discovered => ({ schedulingVersion: undefined, kubeVersion: undefined }));
    // A failed discovery is no news: the caches in use stay.
    if (this.closed || found.schedulingVersion === undefined) return;
    if (sameVersions(found, this.current.discovered)) {
      // Changed back before the new caches synced (a rolled-back upgrade).
      await this.abandonNext();
      return;
    }
    if (this.next && sameVersions(found, this.next.discovered)) return;
    await this.abandonNext();
    if (this.closed) return;
    const next: Generation = { discovered: found, lookup: this.options.informers(client) };
    this.next = next;
    void this.guarded(this.swapWhenSynced(next));
  }

  private async swapWhenSynced(next: Generation): Promise<void> {
    const version = next.discovered.schedulingVersion;
    while (!(await next.lookup.waitForSync(SYNC_REPORT_MS))) {
      if (this.next !== next) return;
      this.options.logger.warn(
        { schedulingVersion: version, notReady: next.lookup.notReady() },
        `lookup caches in ${version} not synced after 60 s, still trying; the caches in use keep answering`,
      );
    }
    if (this.next !== next || this.closed) return;
    const previous = this.current;
    this.current = next;
    this.next = undefined;
    const checked = this.options.pinnedKubeVersion ?? next.discovered.kubeVersion;
    this.options.logger.info(
      { schedulingVersion: version, kubeVersion: checked, objects: next.lookup.cacheSizes() },
      `${changeOf(previous.discovered, next.discovered)}: lookups read ${version}, requests are checked against ${
        checked ? `Kubernetes ${checked}${this.options.pinnedKubeVersion ? ' (--kube-version)' : ''}` : "each object's apiVersion"
      }`,
    );
    await previous.lookup.stop();
  }

  private async abandonNext(): Promise<void> {
    const abandoned = this.next;
    this.next = undefined;
    await abandoned?.lookup.stop();
  }
}

/** "the API server now serves scheduling.k8s.io/v1beta1 (Kubernetes 1.37), was v1alpha2 (Kubernetes 1.36)". */
function changeOf(was: Discovered, now: Discovered): string {
  const said = (d: Discovered): string => `${d.schedulingVersion ?? 'unknown'}${d.kubeVersion ? ` (Kubernetes ${d.kubeVersion})` : ''}`;
  return `the API server now serves scheduling.k8s.io/${said(now)}, was ${was.schedulingVersion === undefined ? 'not discovered' : said(was)}`;
}
