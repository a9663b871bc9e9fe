// explain through real kubectl against the test API server serving PVCs, PVs, StorageClasses and
// CSINodes (issue 17, volumes): a pending gang's volume reason is named by the placement link, the
// same live as from a snapshot, and the run says once what the volume plugins leave out.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject } from '@kubectl-workload/api';
import { VOLUME_NOTE } from '@kubectl-workload/simulator';
import { fixtureMeta, liveAndSnapshot, type LiveAndSnapshot, type RunResult } from '@kubectl-workload/test';

const meta = fixtureMeta;

const node = (name: string, zone: string, cpu: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, false, { labels: { 'topology.kubernetes.io/zone': zone } }),
    status: { allocatable: { cpu, memory: '64Gi', pods: '110' } },
  }) as KubeObject;

const gang = (name: string, claims: string[]): KubeObject[] => [
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: meta(name),
    spec: { schedulingPolicy: { gang: { minCount: claims.length } } },
  } as KubeObject,
  ...claims.map(
    (claim, i) =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(`${name}-${i}`),
        spec: {
          schedulingGroup: { podGroupName: name },
          containers: [{ name: 'c', image: 'trainer', resources: { requests: { cpu: '8' } } }],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
        },
      }) as KubeObject,
  ),
];

/** ckpt-N is bound to a PV pinned to us-east-1a, where no node has 8 cpu free. */
const boundClaim = (i: number): KubeObject[] => [
  {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta(`pv-ckpt-${i}`, false),
    spec: {
      storageClassName: 'gp3',
      capacity: { storage: '100Gi' },
      accessModes: ['ReadWriteOnce'],
      claimRef: { namespace: 'default', name: `ckpt-${i}` },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${i}` },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a'] }] }],
        },
      },
    },
    status: { phase: 'Bound' },
  } as KubeObject,
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(`ckpt-${i}`, true, { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }),
    spec: {
      storageClassName: 'gp3',
      volumeName: `pv-ckpt-${i}`,
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '100Gi' } },
    },
    status: { phase: 'Bound' },
  } as KubeObject,
];

const OBJECTS: KubeObject[] = [
  node('a1', 'us-east-1a', '4'),
  node('a2', 'us-east-1a', '4'),
  node('b1', 'us-east-1b', '16'),
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta('gp3', false),
    provisioner: 'ebs.csi.aws.com',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as KubeObject,
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta('nfs', false),
    provisioner: 'nfs.csi.k8s.io',
    volumeBindingMode: 'Immediate',
  } as KubeObject,
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSINode',
    metadata: meta('b1', false),
    spec: { drivers: [{ name: 'ebs.csi.aws.com', allocatable: { count: 25 } }] },
  } as KubeObject,
  ...boundClaim(0),
  ...boundClaim(1),
  ...gang('zonal', ['ckpt-0', 'ckpt-1']),
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('shared'),
    spec: { storageClassName: 'nfs', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Ti' } } },
    status: { phase: 'Pending' },
  } as KubeObject,
  ...gang('waiting', ['shared', 'shared']),
];

interface Explanation {
  broken: { link: string; summary: string } | null;
  placement: {
    outcome: string;
    pods: { name: string; outcome: string; message: string | null }[];
    nodeReasons: { reason: string; nodes: number }[];
    hint: string | null;
    notes: string[];
  } | null;
}

let cluster: LiveAndSnapshot;

beforeAll(async () => {
  cluster = await liveAndSnapshot(OBJECTS, 'explain-volumes-e2e');
});
afterAll(() => cluster.close());

/** `kubectl workload explain` live and on the snapshot of the same objects: both print the same. */
const explain = (...args: string[]): Promise<RunResult> => cluster.explain(...args);

describe('kubectl workload explain with volumes', () => {
  it('names the volume node affinity conflict of a gang whose PVs sit in a zone without room', async () => {
    const result = await explain('podgroup/zonal', '-o', 'json');
    const doc = JSON.parse(result.stdout) as Explanation;
    expect(doc.broken?.link).toBe('placement');
    expect(doc.placement?.outcome).toBe('Unschedulable');
    // FitError entries sort as strings: "1 node(s)…" before "2 Insufficient cpu".
    expect(doc.placement?.pods.map((p) => p.message)).toContain(
      '0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 Insufficient cpu.',
    );
    expect(doc.placement?.nodeReasons).toEqual([
      { reason: 'Insufficient cpu', nodes: 2 },
      { reason: 'node(s) had volume node affinity conflict', nodes: 1 },
    ]);
    // Not "add nodes": a new node cannot reach the zone-a volumes.
    expect(doc.placement?.hint).toBe(
      "the pods' volumes decide where they can run (node(s) had volume node affinity conflict on 1 node): free room on nodes that can reach the volumes, or place the volumes where there is room; other new nodes do not help",
    );
    expect(doc.placement?.notes.filter((n) => n === VOLUME_NOTE)).toHaveLength(1);
  });

  it('names the unbound Immediate claim, in the text output too', async () => {
    const result = await explain('podgroup/waiting');
    expect(result.stdout).toContain(
      "Fix: bind or create the pods' PersistentVolumeClaims first (pod has unbound immediate PersistentVolumeClaims); until then no node can take the pod",
    );
    expect(result.stdout).toContain('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.');
    expect(result.stdout).toContain(VOLUME_NOTE);
  });

  it('read the storage kinds with GET only', () => {
    expect(cluster.server.writes()).toEqual([]);
    const listed = new Set(cluster.server.requests.map((r) => r.path.split('/').pop()));
    for (const resource of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'csinodes'])
      expect(listed).toContain(resource);
  });
});
