// The lookup one review sees. Several rules of a review read the same objects (X-10..X-14 the same
// Workload, X-15..X-19 the same PodGroup and pods), so each read is made once per review and
// shared. A kind whose cache cannot answer (each try may wait up to a second) fails at once for the
// rest of the review: at most one wait per kind, not one per rule.

import { LookupUnavailableError } from '@kubectl-workload/api';
import type { CompositePodGroup, Job, KubeObject, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

type LookupKind = 'Workload' | 'PodGroup' | 'Pod' | 'Job' | 'PriorityClass' | 'CompositePodGroup';

/** One read made for this review: which method, its arguments, its answer. */
interface Read {
  method: keyof ObjectLookup;
  namespace: string;
  name: string;
  /** The third argument of the two-name reads (template, owner kind); '' otherwise. */
  detail: string;
  pending: Promise<unknown>;
}

export class ReviewLookup implements ObjectLookup {
  // A review makes a handful of distinct reads: a scan compares strings already in hand, where a
  // map would first build and hash a key string for every read.
  private readonly reads: Read[] = [];
  private readonly failed = new Map<LookupKind, LookupUnavailableError>();

  constructor(private readonly inner: ObjectLookup) {}

  private read<T>(
    kind: LookupKind,
    method: keyof ObjectLookup,
    namespace: string,
    name: string,
    call: () => Promise<T>,
    detail = '',
  ): Promise<T> {
    const earlier = this.failed.get(kind);
    if (earlier) return Promise.reject(earlier);
    const made = this.reads.find((r) => r.method === method && r.namespace === namespace && r.name === name && r.detail === detail);
    if (made) return made.pending as Promise<T>;
    const read: Read = {
      method,
      namespace,
      name,
      detail,
      pending: call().catch((err: unknown) => {
        if (err instanceof LookupUnavailableError) this.failed.set(kind, err);
        else this.reads.splice(this.reads.indexOf(read), 1);
        throw err;
      }),
    };
    this.reads.push(read);
    return read.pending as Promise<T>;
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.read('Workload', 'getWorkload', namespace, name, () => this.inner.getWorkload(namespace, name));
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.read('PodGroup', 'getPodGroup', namespace, name, () => this.inner.getPodGroup(namespace, name));
  }
  podsOfPodGroup(namespace: string, podGroupName: string): Promise<readonly Pod[]> {
    return this.read('Pod', 'podsOfPodGroup', namespace, podGroupName, () => this.inner.podsOfPodGroup(namespace, podGroupName));
  }
  podGroupsFromTemplate(namespace: string, workloadName: string, templateName?: string): Promise<readonly PodGroup[]> {
    // A template name is never '', so '' stands for "any template" in the read's key.
    const call = () => this.inner.podGroupsFromTemplate(namespace, workloadName, templateName);
    return this.read('PodGroup', 'podGroupsFromTemplate', namespace, workloadName, call, templateName ?? '');
  }
  podGroupsControlledBy(namespace: string, kind: string, name: string): Promise<readonly PodGroup[]> {
    return this.read(
      'PodGroup',
      'podGroupsControlledBy',
      namespace,
      name,
      () => this.inner.podGroupsControlledBy(namespace, kind, name),
      kind,
    );
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.read('Job', 'getJob', namespace, name, () => this.inner.getJob(namespace, name));
  }
  getCompositePodGroup(namespace: string, name: string): Promise<CompositePodGroup | undefined> {
    return this.read('CompositePodGroup', 'getCompositePodGroup', namespace, name, () => this.inner.getCompositePodGroup(namespace, name));
  }
  compositePodGroupsOfWorkload(namespace: string, workloadName: string): Promise<readonly CompositePodGroup[]> {
    const call = () => this.inner.compositePodGroupsOfWorkload(namespace, workloadName);
    return this.read('CompositePodGroup', 'compositePodGroupsOfWorkload', namespace, workloadName, call);
  }
  childrenOfCompositePodGroup(namespace: string, parentName: string): Promise<readonly KubeObject[]> {
    const call = () => this.inner.childrenOfCompositePodGroup(namespace, parentName);
    return this.read('CompositePodGroup', 'childrenOfCompositePodGroup', namespace, parentName, call);
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.read('PriorityClass', 'getPriorityClass', '', name, () => this.inner.getPriorityClass(name));
  }
  listPriorityClasses(): Promise<readonly PriorityClass[]> {
    return this.read('PriorityClass', 'listPriorityClasses', '', '', () => this.inner.listPriorityClasses());
  }
}
