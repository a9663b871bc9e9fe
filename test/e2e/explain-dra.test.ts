// explain through real kubectl against the test API server serving resource.k8s.io/v1 ResourceSlices,
// DeviceClasses, ResourceClaims and ResourceClaimTemplates (issue 17, DRA): a gang pending for lack
// of devices is explained by its claim, device class, free devices per node and what would make it
// fit; the same live as from a snapshot; nothing is written. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject } from '@kubectl-workload/api';
import { DRA_NOTE } from '@kubectl-workload/simulator';
import type { PlacementAnalysis } from '../../plugin/src/explain/placement/analysis.js';
import { fixtureMeta, liveAndSnapshot, type LiveAndSnapshot, type RunResult } from '@kubectl-workload/test';

const GPU = 'gpu.example.com';
const meta = fixtureMeta;

const node = (name: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, false),
    status: { allocatable: { cpu: '64', memory: '512Gi', pods: '110' } },
  }) as KubeObject;

/** A node-local pool of `count` H100s. */
const gpus = (nodeName: string, count: number): KubeObject =>
  ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: meta(`${nodeName}-gpus`, false),
    spec: {
      driver: GPU,
      nodeName,
      pool: { name: nodeName, generation: 1, resourceSliceCount: 1 },
      devices: Array.from({ length: count }, (_, i) => ({ name: `gpu-${i}`, attributes: { model: { string: 'h100' } } })),
    },
  }) as KubeObject;

const pod = (name: string, claims: object[], spec: object = {}): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, true, { uid: `${name}-uid` }),
    spec: { containers: [{ name: 'c', image: 'trainer', resources: { requests: { cpu: '4' } } }], resourceClaims: claims, ...spec },
  }) as KubeObject;

const gang = (name: string, size: number, claims: object[], groupSpec: object = {}): KubeObject[] => [
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: meta(name),
    spec: { schedulingPolicy: { gang: { minCount: size } }, ...groupSpec },
  } as KubeObject,
  ...Array.from({ length: size }, (_, i) => pod(`${name}-${i}`, claims, { schedulingGroup: { podGroupName: name } })),
];

const template = (name: string, request: object): KubeObject =>
  ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaimTemplate',
    metadata: meta(name),
    spec: { spec: { devices: { requests: [request] } } },
  }) as KubeObject;

/**
 * gpu-a publishes 8 GPUs, 3 of them held by a running server's claim; gpu-b publishes 4; cpu-1 none.
 * The trainer gang needs 4 pods x 4 GPUs: 5 + 4 free devices hold 2 claims of 4, so 2 pods get theirs.
 */
const OBJECTS: KubeObject[] = [
  node('gpu-a'),
  node('gpu-b'),
  node('cpu-1'),
  gpus('gpu-a', 8),
  gpus('gpu-b', 4),
  {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'DeviceClass',
    metadata: meta(GPU, false),
    spec: { selectors: [{ cel: { expression: `device.driver == '${GPU}'` } }] },
  } as KubeObject,
  template('four-h100', {
    name: 'gpus',
    exactly: { deviceClassName: GPU, count: 4, selectors: [{ cel: { expression: `device.attributes['${GPU}'].model == 'h100'` } }] },
  }),
  {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaim',
    metadata: meta('serving-gpus'),
    spec: { devices: { requests: [{ name: 'gpus', exactly: { deviceClassName: GPU, count: 3 } }] } },
    status: {
      allocation: {
        devices: { results: [0, 1, 2].map((i) => ({ request: 'gpus', driver: GPU, pool: 'gpu-a', device: `gpu-${i}` })) },
        nodeSelector: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu-a'] }] }] },
      },
      reservedFor: [{ resource: 'pods', name: 'serving', uid: 'serving-uid' }],
    },
  } as KubeObject,
  pod('serving', [{ name: 'gpus', resourceClaimName: 'serving-gpus' }], { nodeName: 'gpu-a' }),
  ...gang('trainer', 4, [{ name: 'gpus', resourceClaimTemplateName: 'four-h100' }]),
  // A PodGroup-level claim (shared by the gang) whose DeviceClass does not exist.
  template('imex-channel', { name: 'channel', exactly: { deviceClassName: 'imex.example.com' } }),
  ...gang('ring', 2, [{ name: 'imex', resourceClaimTemplateName: 'imex-channel' }], {
    resourceClaims: [{ name: 'imex', resourceClaimTemplateName: 'imex-channel' }],
  }),
  // A selector calling a quantity function the CEL library lacks (mul).
  template('big-memory', {
    name: 'gpu',
    exactly: {
      deviceClassName: GPU,
      selectors: [{ cel: { expression: `device.capacity['${GPU}'].memory.mul(2).compareTo(quantity('80Gi')) >= 0` } }],
    },
  }),
  ...gang('sweep', 2, [{ name: 'gpu', resourceClaimTemplateName: 'big-memory' }]),
];

/** The `-o json` document, as far as these tests read it. */
interface Explanation {
  broken: { link: string; fix: string } | null;
  placement: PlacementAnalysis | null;
}

let cluster: LiveAndSnapshot;

beforeAll(async () => {
  cluster = await liveAndSnapshot(OBJECTS, 'explain-dra-e2e');
});
afterAll(() => cluster.close());

/** `kubectl workload explain` live and on the snapshot of the same objects: both print the same, nothing on stderr. */
async function explain(...args: string[]): Promise<RunResult> {
  const result = await cluster.explain(...args);
  expect(result.stderr).toBe('');
  return result;
}

describe('kubectl workload explain with DRA devices', () => {
  it('names the claim, the device class, the free devices per node and what would make the gang fit', async () => {
    const doc = JSON.parse((await explain('podgroup/trainer', '-o', 'json')).stdout) as Explanation;
    expect(doc.broken?.link).toBe('placement');
    expect(doc.placement?.outcome).toBe('Unschedulable');
    expect(doc.placement?.pods.map((p) => p.message)).toContain('0/3 nodes are available: 3 cannot allocate all claims.');
    expect(doc.placement?.devices).toEqual({
      rejected: null,
      requests: [
        {
          claim: 'ResourceClaimTemplate four-h100',
          request: 'gpus',
          deviceClass: GPU,
          perClaim: 4,
          claims: 4,
          pods: 4,
          matching: 12,
          free: 9,
          freeByNode: [
            { node: 'gpu-a', devices: 5 },
            { node: 'gpu-b', devices: 4 },
          ],
          claimsFit: 2,
          notModelled: null,
        },
      ],
    });
    // Not "add nodes with 4 cpu": a node without GPUs does not help.
    const fix =
      'ResourceClaimTemplate four-h100, request gpus: 4 claims of 4 gpu.example.com devices each; 9 of 12 matching devices are free (gpu-a 5, gpu-b 4), enough for 2 claims; free or add 8 gpu.example.com devices (4 on one node per claim) on nodes the pods can use; nodes without such devices do not help';
    expect(doc.placement?.hint).toBe(fix);
    expect(doc.broken?.fix).toBe(fix);
    expect(doc.placement?.notes.filter((n) => n === DRA_NOTE)).toHaveLength(1);
  });

  it('prints the device table in text and names a missing DeviceClass of a PodGroup-level claim', async () => {
    const trainer = (await explain('podgroup/trainer')).stdout;
    expect(trainer).toMatch(/CLAIM +REQUEST +DEVICE CLASS +EACH +CLAIMS +FREE\/MATCHING +FREE ON/);
    expect(trainer).toMatch(/ResourceClaimTemplate four-h100 +gpus +gpu\.example\.com +4 +4 +9\/12 +gpu-a 5, gpu-b 4/);
    const ring = (await explain('podgroup/ring')).stdout;
    expect(ring).toContain(
      "Fix: fix the pods' ResourceClaims first (pod default/ring-0: request channel: device class imex.example.com does not exist); until then no node can take the pod",
    );
    expect(ring).toContain('0/3 nodes are available: request channel: device class imex.example.com does not exist.');
  });

  it('reports a selector the CEL library cannot evaluate as not modelled, not as missing devices', async () => {
    const doc = JSON.parse((await explain('podgroup/sweep', '-o', 'json')).stdout) as Explanation;
    const why = `resourceclaim "gpu": not modelled by the simulator: request gpu: selector "device.capacity['${GPU}'].memory.mul(2).compareTo(quantity('80Gi')) >= 0": CEL compile error: undeclared reference to 'mul'`;
    expect(doc.placement?.pods.map((p) => p.message)).toContain(`0/3 nodes are available: ${why}.`);
    expect(doc.placement?.hint).toBe(
      `pod default/sweep-0: ${why}; the simulator cannot judge it, so check the claim against the devices by hand`,
    );
  });

  it('read the DRA kinds with GET only', () => {
    expect(cluster.server.writes()).toEqual([]);
    const listed = new Set(cluster.server.requests.map((r) => r.path.split('/').pop()));
    for (const resource of ['resourceslices', 'deviceclasses', 'resourceclaims', 'resourceclaimtemplates'])
      expect(listed).toContain(resource);
  });
});
