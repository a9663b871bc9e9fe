import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LookupUnavailableError, type PodGroup, type PodGroup137 } from '@kubectl-workload/api';
import { connect, type ClusterClient } from './client.js';
import { InformerLookup } from './informer-lookup.js';
import { startSampleServer, type ServerFixture } from './test-support/server.js';

let fixture: ServerFixture;
let lookup: InformerLookup | undefined;

let client: ClusterClient;

beforeAll(async () => {
  fixture = await startSampleServer();
  client = await connect({ kubeconfig: fixture.kubeconfig }, {});
});
afterAll(() => fixture.server.close());
afterEach(async () => {
  fixture.server.release();
  await lookup?.stop();
  lookup = undefined;
  fixture.server.allowAll();
  fixture.server.setSchedulingAlphaServed(true);
});

/** Polls until `read` returns what `done` accepts; informers apply watch events asynchronously. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}

const podGroup = (name: string, minCount: number, job = 'training'): PodGroup => ({
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: {
    name,
    namespace: 'team-a',
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job, uid: `uid-${job}`, controller: true }],
  },
  spec: { schedulingPolicy: { gang: { minCount } } },
});
const names = (objects: readonly PodGroup[]): (string | undefined)[] => objects.map((pg) => pg.metadata?.name);

describe('InformerLookup', () => {
  it('syncs, answers from its caches and reports their sizes', async () => {
    lookup = new InformerLookup(await connect({ kubeconfig: fixture.kubeconfig }, {})).start();
    expect(await lookup.waitForSync(5000)).toBe(true);
    expect(lookup.synced).toBe(true);
    expect((await lookup.getWorkload('team-a', 'training'))?.spec?.podGroupTemplates?.[0]?.name).toBe('workers');
    expect((await lookup.getPriorityClass('high'))?.value).toBe(1000);
    expect((await lookup.getJob('team-a', 'training'))?.spec?.parallelism).toBe(4);
    expect((await lookup.podsOfPodGroup('team-a', 'training-workers')).map((p) => p.metadata?.name)).toEqual([
      'training-0',
      'training-1',
      'training-2',
      'training-3',
    ]);
    expect(await lookup.podsOfPodGroup('team-b', 'training-workers')).toEqual([]);
    expect((await lookup.podGroupsFromTemplate('team-a', 'training', 'workers')).map((pg) => pg.metadata?.name)).toEqual([
      'training-workers',
    ]);
    expect(await lookup.podGroupsFromTemplate('team-a', 'training', 'driver')).toEqual([]);
    expect(await lookup.getPodGroup('team-b', 'training-workers')).toBeUndefined();
    // A 1.36 server serves no CompositePodGroups: that cache stays empty and still counts as synced.
    expect(lookup.cacheSizes()).toEqual({ Workload: 1, PodGroup: 2, Pod: 4, Job: 1, PriorityClass: 1, CompositePodGroup: 0 });
  });

  it('sees ADDED, MODIFIED and DELETED through the watch', async () => {
    lookup = new InformerLookup(await connect({ kubeconfig: fixture.kubeconfig }, {})).start();
    await lookup.waitForSync(5000);
    const live = lookup;
    const { store } = fixture.server;

    store.apply(podGroup('late', 2));
    const added = await eventually(
      () => live.getPodGroup('team-a', 'late'),
      (pg) => pg !== undefined,
    );
    expect(added?.spec?.schedulingPolicy?.gang?.minCount).toBe(2);

    expect(names(await live.podGroupsControlledBy('team-a', 'Job', 'training'))).toEqual(['late']);

    // The owner index follows the update: filed under the new controller, no longer under the old.
    store.apply(podGroup('late', 3, 'eval'));
    const modified = await eventually(
      () => live.getPodGroup('team-a', 'late'),
      (pg) => pg?.spec?.schedulingPolicy?.gang?.minCount === 3,
    );
    expect(modified?.spec?.schedulingPolicy?.gang?.minCount).toBe(3);
    expect(await live.podGroupsControlledBy('team-a', 'Job', 'training')).toEqual([]);
    expect(names(await live.podGroupsControlledBy('team-a', 'Job', 'eval'))).toEqual(['late']);

    store.remove('scheduling.k8s.io/v1alpha2', 'PodGroup', 'team-a', 'late');
    expect(
      await eventually(
        () => live.getPodGroup('team-a', 'late'),
        (pg) => pg === undefined,
      ),
    ).toBeUndefined();
    expect(await live.podGroupsControlledBy('team-a', 'Job', 'eval')).toEqual([]);
  });

  it('watches the scheduling.k8s.io version it listed: v1beta1 on a 1.37 server', async () => {
    const v137 = await startSampleServer({ kubernetesVersion: '1.37' });
    try {
      lookup = new InformerLookup(await connect({ kubeconfig: v137.kubeconfig }, {})).start();
      await lookup.waitForSync(5000);
      const live = lookup;
      v137.server.store.apply({ ...podGroup('late', 2), apiVersion: 'scheduling.k8s.io/v1beta1' });
      const added = await eventually(
        () => live.getPodGroup('team-a', 'late'),
        (pg) => pg !== undefined,
      );
      expect(added?.apiVersion).toBe('scheduling.k8s.io/v1beta1');
      const watched = v137.server.requests.filter((r) => r.verb === 'watch' && r.path.endsWith('/podgroups'));
      expect(new Set(watched.map((r) => r.path))).toEqual(new Set(['/apis/scheduling.k8s.io/v1beta1/podgroups']));
    } finally {
      await lookup?.stop();
      lookup = undefined;
      await v137.server.close();
    }
  });

  it('watches CompositePodGroups where they are served, and indexes children by parent', async () => {
    const cpg = (name: string, parent?: string) => ({
      apiVersion: 'scheduling.k8s.io/v1alpha3',
      kind: 'CompositePodGroup',
      metadata: { name, namespace: 'team-a' },
      spec: { ...(parent ? { parentCompositePodGroupName: parent } : {}), schedulingPolicy: { gang: { minGroupCount: 1 } } },
    });
    const v137 = await startSampleServer({ kubernetesVersion: '1.37', objects: [cpg('job'), cpg('sub', 'job')] });
    try {
      lookup = new InformerLookup(await connect({ kubeconfig: v137.kubeconfig }, {})).start();
      expect(await lookup.waitForSync(5000)).toBe(true);
      const live = lookup;
      expect((await live.getCompositePodGroup('team-a', 'sub'))?.spec?.parentCompositePodGroupName).toBe('job');
      const leaf: PodGroup137 = {
        ...podGroup('leaf', 2),
        apiVersion: 'scheduling.k8s.io/v1beta1',
        spec: { parentCompositePodGroupName: 'job' },
      };
      v137.server.store.apply(leaf);
      const children = await eventually(
        () => live.childrenOfCompositePodGroup('team-a', 'job'),
        (found) => found.length === 2,
      );
      expect(children.map((c) => `${c.kind}/${c.metadata?.name}`).sort()).toEqual(['CompositePodGroup/sub', 'PodGroup/leaf']);
      expect(await live.childrenOfCompositePodGroup('team-a', 'sub')).toEqual([]);
    } finally {
      await lookup?.stop();
      lookup = undefined;
      await v137.server.close();
    }
  });

  it('only lists and watches', async () => {
    fixture.server.requests.length = 0;
    lookup = new InformerLookup(await connect({ kubeconfig: fixture.kubeconfig }, {})).start();
    await lookup.waitForSync(5000);
    await eventually(
      async () => fixture.server.requests.filter((r) => r.verb === 'watch').length,
      (n) => n === 5,
    );
    expect(fixture.server.writes()).toEqual([]);
    // undefined: the discovery GET of /apis/scheduling.k8s.io, not a resource request.
    expect(new Set(fixture.server.requests.map((r) => r.verb))).toEqual(new Set(['list', 'watch', undefined]));
  });

  it('throws LookupUnavailableError with the reason when a cache cannot sync, and recovers', async () => {
    fixture.server.setSchedulingAlphaServed(false);
    const podGroupError = new Promise<string>((resolve) => {
      lookup = new InformerLookup(client, {
        lookupTimeoutMs: 200,
        retryDelayMs: 50,
        onError: (kind, message) => kind === 'PodGroup' && resolve(message),
      }).start();
    });
    expect(await podGroupError).toContain('does not serve scheduling.k8s.io/v1alpha2');
    expect(lookup?.synced).toBe(false);
    await expect(lookup?.getPodGroup('team-a', 'training-workers')).rejects.toThrow(LookupUnavailableError);
    await expect(lookup?.getPodGroup('team-a', 'training-workers')).rejects.toThrow(/^PodGroup cache not synced: .*does not serve/);
    expect((await lookup?.getPriorityClass('high'))?.value).toBe(1000);

    fixture.server.setSchedulingAlphaServed(true);
    expect(await lookup?.waitForSync(30_000)).toBe(true);
    expect((await lookup?.getPodGroup('team-a', 'training-workers'))?.metadata?.name).toBe('training-workers');
  });

  it('caps the lookup timeout at one second', async () => {
    fixture.server.forbid({ resource: 'jobs', group: 'batch', verb: 'list' });
    const jobError = new Promise<void>((resolve) => {
      lookup = new InformerLookup(client, {
        lookupTimeoutMs: 60_000,
        retryDelayMs: 10_000,
        onError: (kind) => kind === 'Job' && resolve(),
      }).start();
    });
    await jobError;
    // The wait is measured on fake timers: what matters is which timeout it set, not how busy the machine is.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      let settled = false;
      const lookedUp = (lookup as InformerLookup).getJob('team-a', 'training');
      lookedUp.then(
        () => (settled = true),
        () => (settled = true),
      );
      await jest.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(lookedUp).rejects.toThrow(/^Job cache not synced: forbidden: you may not list jobs.batch/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up on a list the API server never answers and lists again (--request-timeout)', async () => {
    const patient = await connect({ kubeconfig: fixture.kubeconfig, requestTimeout: '1s' }, {});
    fixture.server.hold();
    const firstError = new Promise<string>((resolve) => {
      lookup = new InformerLookup(patient, { retryDelayMs: 10, onError: (_kind, message) => resolve(message) }).start();
    });
    expect(await firstError).toMatch(/did not answer within 1s/);
    fixture.server.release();
    expect(await lookup?.waitForSync(30_000)).toBe(true);
  });
});
