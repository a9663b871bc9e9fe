// One review may call several cross-object rules on the same kind. When the cache of that kind
// cannot answer (each try may wait up to a second), the first failure is remembered for the rest
// of the review, so a review costs at most one wait per kind instead of one per rule.

import { LookupUnavailableError } from '@kubectl-workload/api';
import type { Job, ObjectLookup, Pod, PodGroup, PriorityClass, Workload } from '@kubectl-workload/api';

type LookupKind = 'Workload' | 'PodGroup' | 'Pod' | 'Job' | 'PriorityClass';

export class FailFastLookup implements ObjectLookup {
  private readonly failed = new Map<LookupKind, LookupUnavailableError>();

  constructor(private readonly inner: ObjectLookup) {}

  private async read<T>(kind: LookupKind, call: () => Promise<T>): Promise<T> {
    const earlier = this.failed.get(kind);
    if (earlier) throw earlier;
    try {
      return await call();
    } catch (err) {
      if (err instanceof LookupUnavailableError) this.failed.set(kind, err);
      throw err;
    }
  }

  getWorkload(namespace: string, name: string): Promise<Workload | undefined> {
    return this.read('Workload', () => this.inner.getWorkload(namespace, name));
  }
  getPodGroup(namespace: string, name: string): Promise<PodGroup | undefined> {
    return this.read('PodGroup', () => this.inner.getPodGroup(namespace, name));
  }
  listPodGroups(namespace: string): Promise<PodGroup[]> {
    return this.read('PodGroup', () => this.inner.listPodGroups(namespace));
  }
  listPods(namespace: string): Promise<Pod[]> {
    return this.read('Pod', () => this.inner.listPods(namespace));
  }
  getJob(namespace: string, name: string): Promise<Job | undefined> {
    return this.read('Job', () => this.inner.getJob(namespace, name));
  }
  getPriorityClass(name: string): Promise<PriorityClass | undefined> {
    return this.read('PriorityClass', () => this.inner.getPriorityClass(name));
  }
}
