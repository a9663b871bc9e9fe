// The lookup one review sees. Several rules of a review read the same objects (X-10..X-14 the same
// Workload, X-15..X-19 the same PodGroup and pods), so each read is made once per review and
// shared. A kind whose cache cannot answer (each try may wait up to a second) fails at once for the
// rest of the review: at most one wait per kind, not one per rule.

import { LookupUnavailableError } from '@kubectl-workload/api';
import type { Job, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

type LookupKind = 'Workload' | 'PodGroup' | 'Pod' | 'Job' | 'PriorityClass';

export class ReviewLookup implements ObjectLookup {
  private readonly reads = new Map<string, Promise<unknown>>();
  private readonly failed = new Map<LookupKind, LookupUnavailableError>();

  constructor(private readonly inner: ObjectLookup) {}

  private read<T>(kind: LookupKind, key: string, call: () => Promise<T>): Promise<T> {
    const earlier = this.failed.get(kind);
    if (earlier) return Promise.reject(earlier);
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = call().catch((err: unknown) => {
        if (err instanceof LookupUnavailableError) this.failed.set(kind, err);
        else this.reads.delete(key);
        throw err;
      });
      this.reads.set(key, pending);
    }
    return pending;
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.read('Workload', `w/${namespace}/${name}`, () => this.inner.getWorkload(namespace, name));
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.read('PodGroup', `g/${namespace}/${name}`, () => this.inner.getPodGroup(namespace, name));
  }
  listPodGroups(namespace: string): Promise<readonly PodGroup[]> {
    return this.read('PodGroup', `G/${namespace}`, () => this.inner.listPodGroups(namespace));
  }
  listPods(namespace: string): Promise<readonly Pod[]> {
    return this.read('Pod', `P/${namespace}`, () => this.inner.listPods(namespace));
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.read('Job', `j/${namespace}/${name}`, () => this.inner.getJob(namespace, name));
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.read('PriorityClass', `c/${name}`, () => this.inner.getPriorityClass(name));
  }
}
