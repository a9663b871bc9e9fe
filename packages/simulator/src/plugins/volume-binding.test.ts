import type { KubeObject, PersistentVolume, PersistentVolumeClaim } from '@kubectl-workload/api';
import { simulationInput } from '../input.js';
import { Simulation } from '../simulation.js';
import { node, pod } from '../test-support/builders.js';
import { VolumeCache } from '../volume-cache.js';
import { findMatchingVolume, NAME } from './volume-binding.js';

const hostname = (n: string) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [n] }] }] },
});

function pv(name: string, size: string, spec: PersistentVolume['spec'] = {}, phase = 'Available'): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { storageClassName: 'local', capacity: { storage: size }, accessModes: ['ReadWriteOnce'], ...spec },
    status: { phase },
  };
}

function pvc(name: string, size: string, spec: PersistentVolumeClaim['spec'] = {}, bound = false): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      ...(bound ? { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } } : {}),
    },
    spec: { storageClassName: 'local', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...spec },
  };
}

const localClass: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local' },
  provisioner: 'kubernetes.io/no-provisioner',
  volumeBindingMode: 'WaitForFirstConsumer',
} as KubeObject;

const nodes = ['n1', 'n2', 'n3'].map((n) => node(n, {}, { labels: { 'kubernetes.io/hostname': n } }));
const withClaims = (name: string, ...claims: string[]) =>
  pod(name, {
    volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    containers: [{ name: 'c', resources: { requests: { cpu: '3' } } }],
  });

function run(objects: KubeObject[]) {
  return new Simulation(simulationInput([...nodes, localClass, ...objects]), { now: '2026-01-01T00:00:00Z' }).runToQuiescence();
}

describe(NAME, () => {
  it('bound local PVs narrow the nodes (PreFilterResult); the others report the plugin, not a filter reason', () => {
    const big = pod('filler', { nodeName: 'n2', containers: [{ name: 'c', resources: { requests: { cpu: '3' } } }] });
    const result = run([
      pv('pv-a', '10Gi', { nodeAffinity: hostname('n2'), claimRef: { namespace: 'default', name: 'a' } }, 'Bound'),
      pvc('a', '10Gi', { volumeName: 'pv-a' }, true),
      big,
      withClaims('p', 'a'),
    ]);
    expect(result.pods.find((p) => p.name === 'p')?.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [VolumeBinding].",
    );
  });

  it('bound local PVs on different nodes leave no node: a PreFilter rejection', () => {
    const result = run([
      pv('pv-a', '10Gi', { nodeAffinity: hostname('n1'), claimRef: { namespace: 'default', name: 'a' } }, 'Bound'),
      pv('pv-b', '10Gi', { nodeAffinity: hostname('n2'), claimRef: { namespace: 'default', name: 'b' } }, 'Bound'),
      pvc('a', '10Gi', { volumeName: 'pv-a' }, true),
      pvc('b', '10Gi', { volumeName: 'pv-b' }, true),
      withClaims('p', 'a', 'b'),
    ]);
    expect(result.pods[0]?.message).toBe("0/3 nodes are available: node(s) didn't satisfy plugin VolumeBinding.");
  });

  it('a claim bound to a missing PV is rejected by VolumeZone PreFilter', () => {
    const result = run([pvc('a', '10Gi', { volumeName: 'gone' }, true), withClaims('p', 'a')]);
    expect(result.pods[0]?.message).toBe('0/3 nodes are available: persistentvolume "gone" not found.');
  });

  it('a missing generic ephemeral claim waits for the ephemeral volume controller', () => {
    const p = pod('p', { volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } }] });
    expect(run([p]).pods[0]?.message).toBe(
      '0/3 nodes are available: waiting for ephemeral volume controller to create the persistentvolumeclaim "p-scratch".',
    );
  });

  it("an ephemeral volume's claim must be controlled by the pod: by uid, or by name for a pod without one", () => {
    const p = pod('p', { volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } }] });
    const owned = (ref: { name: string; uid: string }) => ({
      ...pvc('p-scratch', '1Gi', { storageClassName: 'csi' }),
      metadata: { name: 'p-scratch', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', controller: true, ...ref }] },
    });
    const csi = { ...localClass, metadata: { name: 'csi' }, provisioner: 'ebs.csi.aws.com' } as KubeObject;
    expect(run([csi, owned({ name: 'p', uid: '' }), p]).pods[0]?.outcome).toBe('Scheduled');
    expect(run([csi, owned({ name: 'other', uid: '' }), p]).pods[0]?.message).toBe(
      '0/3 nodes are available: PVC default/p-scratch was not created for pod default/p (pod is not owner).',
    );
  });

  it('pods sharing one WaitForFirstConsumer claim follow the first one to its PV (the assumed prebind)', () => {
    const shared = pvc('shared', '10Gi', { accessModes: ['ReadWriteMany'] });
    const result = run([
      pv('pv-n3', '10Gi', { nodeAffinity: hostname('n3'), accessModes: ['ReadWriteMany'] }),
      shared,
      withClaims('a', 'shared'),
      withClaims('b', 'shared'),
    ]);
    expect(result.pods.map((p) => [p.name, p.node])).toEqual([
      ['a', 'n3'],
      ['b', undefined],
    ]);
    // b fits n3 by volume but not by cpu (3 + 3 of 4); elsewhere the claim's assumed PV does not fit.
    expect(result.pods[1]?.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't find available persistent volumes to bind.",
    );
  });

  it('FindMatchingVolume: the smallest fitting PV of the class, modes and selector; a PV prebound to the claim wins', () => {
    const claim = pvc('c', '10Gi', { selector: { matchLabels: { tier: 'fast' } } });
    const pvs = [
      pv('huge', '1Ti', {}, 'Available'),
      pv('small', '5Gi'),
      pv('other-class', '10Gi', { storageClassName: 'ssd' }),
      pv('rox', '10Gi', { accessModes: ['ReadOnlyMany'] }),
      pv('fit', '20Gi'),
      pv('pending', '10Gi', {}, 'Pending'),
    ].map((v) => ({ ...v, metadata: { ...v.metadata, labels: { tier: 'fast' } } }));
    const cache = new VolumeCache([claim], pvs);
    expect(findMatchingVolume(claim, pvs, {}, new Set(), cache)?.metadata?.name).toBe('fit');
    expect(findMatchingVolume(claim, pvs, {}, new Set(['fit']), cache)?.metadata?.name).toBe('huge');
    expect(
      findMatchingVolume({ ...claim, spec: { ...claim.spec, selector: { matchLabels: { tier: 'slow' } } } }, pvs, {}, new Set(), cache),
    ).toBeUndefined();
    const prebound = pv(
      'prebound',
      '100Gi',
      { claimRef: { namespace: 'default', name: 'c', uid: 'uid-c' }, nodeAffinity: hostname('n1') },
      'Bound',
    );
    expect(findMatchingVolume(claim, [...pvs, prebound], { 'kubernetes.io/hostname': 'n1' }, new Set(), cache)?.metadata?.name).toBe(
      'prebound',
    );
    expect(findMatchingVolume(claim, [...pvs, prebound], { 'kubernetes.io/hostname': 'n2' }, new Set(), cache)).toBeUndefined();
  });
});
