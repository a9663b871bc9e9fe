import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import type { KubeObject } from '@kubectl-workload/api';
import { sampleClusterObjects } from '@kubectl-workload/test';
import { connect } from './client.js';
import { ClusterAccessError } from './errors.js';
import { loadClusterState, snapshotLookup, sourceFromOptions, stateToList, type ClusterState } from './state.js';
import { startSampleServer, type ServerFixture } from './test-support/server.js';

let fixture: ServerFixture;
let dir: string;

/** What the volume plugins read, next to the sample cluster. */
const STORAGE: KubeObject[] = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp3' } },
  { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'node-1' } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-data' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'team-a' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'elsewhere', namespace: 'team-b' } },
];

/** What default topology spreading selects by. */
const SPREAD: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'training', namespace: 'team-a' } },
  { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy', namespace: 'team-a' } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7d9', namespace: 'team-a' } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'team-a' } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'other', namespace: 'team-b' } },
];

beforeAll(async () => {
  fixture = await startSampleServer({ namespace: 'team-a', objects: [...sampleClusterObjects(), ...STORAGE, ...SPREAD] });
  dir = await mkdtemp(join(tmpdir(), 'cluster-state-test-'));
});
afterAll(() => fixture.server.close());

const names = (state: ClusterState): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(state).map(([field, objects]) => [
      field,
      (objects as Array<{ metadata?: { name?: string } }>).map((o) => o.metadata?.name ?? ''),
    ]),
  );

async function snapshotOf(state: ClusterState, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, stringify(stateToList(state)));
  return file;
}

describe('loadClusterState', () => {
  it('reads every captured kind from a live cluster, in the scope of the flags', async () => {
    const state = await loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig }, {}), events: true });
    expect(names(state)).toEqual({
      nodes: ['node-1', 'node-2'],
      pods: ['training-0', 'training-1', 'training-2', 'training-3'],
      podGroups: ['training-workers'],
      compositePodGroups: [],
      workloads: ['training'],
      jobs: ['training'],
      priorityClasses: ['high'],
      podDisruptionBudgets: ['training'],
      persistentVolumeClaims: ['data'],
      persistentVolumes: ['pv-data'],
      storageClasses: ['gp3'],
      csiNodes: ['node-1'],
      services: ['training'],
      replicationControllers: ['legacy'],
      replicaSets: ['web-7d9'],
      statefulSets: ['db'],
      deviceClasses: ['gpu.example.com'],
      resourceSlices: ['node-1-gpu.example.com'],
      resourceClaimTemplates: ['one-gpu'],
      resourceClaims: [],
      events: ['training-3.1'],
    });
  });

  it('lists Events only when asked: the other commands skip the request', async () => {
    fixture.server.requests.length = 0;
    const state = await loadClusterState(await sourceFromOptions({ kubeconfig: fixture.kubeconfig }, {}));
    expect(state.events).toEqual([]);
    expect(state.pods).toHaveLength(4);
    expect(fixture.server.requests.map((r) => r.path.split('/').pop())).not.toContain('events');
    const withEvents = await loadClusterState(await sourceFromOptions({ kubeconfig: fixture.kubeconfig, withEvents: true }, {}));
    expect(withEvents.events.map((e) => e.metadata?.name)).toEqual(['training-3.1']);
  });

  it('lists events as context only: a cluster that forbids them still gives a state, saying why', async () => {
    fixture.server.forbid({ resource: 'events', verb: 'list' });
    try {
      const state = await loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig }, {}), events: true });
      expect(state.events).toEqual([]);
      expect(state.eventsError).toMatch(/^forbidden: you may not list events in namespace "team-a"/);
      expect(state.pods).toHaveLength(4);
    } finally {
      fixture.server.allowAll();
    }
    // A namespace-scoped user may not list Nodes or PriorityClasses: status and diff still work (issue 18 item 11).
    fixture.server.forbid({ resource: 'nodes', verb: 'list' });
    fixture.server.forbid({ resource: 'priorityclasses', verb: 'list' });
    // Storage RBAC may predate volume simulation: the state goes on without those kinds.
    fixture.server.forbid({ resource: 'persistentvolumes', verb: 'list' });
    try {
      const state = await loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig }, {}) });
      expect(state.nodes).toEqual([]);
      expect(state.podGroups.length).toBeGreaterThan(0);
      expect(state.forbidden).toEqual([
        expect.stringMatching(/^forbidden: you may not list nodes/),
        expect.stringMatching(/^forbidden: you may not list persistentvolumes/),
        expect.stringMatching(/^forbidden: you may not list priorityclasses/),
      ]);
      expect(state.persistentVolumeClaims.map((c) => c.metadata?.name)).toEqual(['data']);
    } finally {
      fixture.server.allowAll();
    }
    fixture.server.forbid({ resource: 'pods', verb: 'list' });
    try {
      await expect(loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig }, {}) })).rejects.toThrow(
        /^forbidden: you may not list pods/,
      );
    } finally {
      fixture.server.allowAll();
    }
  });

  it('gives the same state from a snapshot file as from the cluster', async () => {
    const live = await loadClusterState({
      client: await connect({ kubeconfig: fixture.kubeconfig, allNamespaces: true }, {}),
      events: true,
    });
    const file = await snapshotOf(live, 'all.yaml');
    expect(await loadClusterState(await sourceFromOptions({ snapshot: file }, {}))).toEqual(live);
    const teamA = await loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig }, {}), events: true });
    expect(await loadClusterState(await sourceFromOptions({ snapshot: file, namespace: 'team-a' }, {}))).toEqual(teamA);
  });

  it('reads CompositePodGroups from a 1.37 cluster (v1alpha3) and keeps them in a snapshot; a 1.36 cluster is not asked', async () => {
    const tree = [
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'CompositePodGroup',
        metadata: { name: 'root', namespace: 'team-a' },
        spec: { workloadRef: { workloadName: 'w', templateName: 'root' }, schedulingPolicy: { gang: { minGroupCount: 2 } } },
      },
      {
        apiVersion: 'scheduling.k8s.io/v1beta1',
        kind: 'PodGroup',
        metadata: { name: 'leaf', namespace: 'team-a' },
        spec: { workloadRef: { workloadName: 'w', templateName: 'leaf' }, parentCompositePodGroupName: 'root' },
      },
    ];
    const v137 = await startSampleServer({ namespace: 'team-a', kubernetesVersion: '1.37', objects: tree });
    try {
      const client = await connect({ kubeconfig: v137.kubeconfig }, {});
      const live = await loadClusterState({ client });
      expect(live.compositePodGroups.map((c) => [c.apiVersion, c.metadata?.name])).toEqual([['scheduling.k8s.io/v1alpha3', 'root']]);
      expect(live.podGroups[0]?.spec).toMatchObject({ parentCompositePodGroupName: 'root' });
      expect(await client.kubeVersion()).toBe('1.37');
      const file = await snapshotOf(live, 'v137.yaml');
      expect(await loadClusterState(await sourceFromOptions({ snapshot: file, namespace: 'team-a' }, {}))).toEqual(live);
    } finally {
      await v137.server.close();
    }
    fixture.server.requests.length = 0;
    const client = await connect({ kubeconfig: fixture.kubeconfig }, {});
    expect((await loadClusterState({ client })).compositePodGroups).toEqual([]);
    expect(fixture.server.requests.map((r) => r.path)).not.toContainEqual(expect.stringContaining('compositepodgroups'));
    expect(await client.kubeVersion()).toBe('1.36');
  });

  it('names a snapshot file that cannot be read', async () => {
    const missing = join(dir, 'missing.yaml');
    await expect(loadClusterState({ snapshot: missing })).rejects.toThrow(
      new ClusterAccessError(`cannot read snapshot "${missing}" (--snapshot): no such file`),
    );
    await expect(loadClusterState({ snapshot: dir })).rejects.toThrow(
      new ClusterAccessError(
        `cannot read snapshot "${dir}" (--snapshot): is a directory; give a file (a List, multi-document YAML or JSON)`,
      ),
    );
  });

  it('serves an ObjectLookup over the state (the manifest lookup lint uses)', async () => {
    const state = await loadClusterState({ client: await connect({ kubeconfig: fixture.kubeconfig, allNamespaces: true }, {}) });
    const lookup = snapshotLookup(state);
    expect((await lookup.getPodGroup('team-b', 'inference'))?.spec?.schedulingPolicy).toEqual({ basic: {} });
    expect((await lookup.podsOfPodGroup('team-a', 'training-workers')).length).toBe(4);
    expect((await lookup.podGroupsFromTemplate('team-a', 'training')).map((pg) => pg.metadata?.name)).toEqual(['training-workers']);
    expect((await lookup.getPriorityClass('high'))?.value).toBe(1000);
  });
});
