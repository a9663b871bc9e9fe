// The DRA part of explain's placement analysis: the device table and the hint, on small clusters
// built in memory (the explain-dra e2e test runs the same through kubectl).

import type { KubeObject, PodGroup } from '@kubectl-workload/api';
import { simulationInput } from '@kubectl-workload/simulator';
import { analysePlacement } from './analysis.js';
import { freeWhere } from './devices.js';

const GPU = 'gpu.example.com';
const NOW = '2026-05-01T00:00:00Z';

const node = (name: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { allocatable: { cpu: '32', memory: '64Gi', pods: '110' } },
  }) as KubeObject;

const slice = (nodeName: string, devices: number): KubeObject =>
  ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: `${nodeName}-gpus` },
    spec: {
      driver: GPU,
      nodeName,
      pool: { name: nodeName, generation: 1, resourceSliceCount: 1 },
      devices: Array.from({ length: devices }, (_, i) => ({ name: `gpu-${i}` })),
    },
  }) as KubeObject;

const gpuClass = {
  apiVersion: 'resource.k8s.io/v1',
  kind: 'DeviceClass',
  metadata: { name: GPU },
  spec: { selectors: [{ cel: { expression: `device.driver == '${GPU}'` } }] },
} as KubeObject;

const template = (count: number): KubeObject =>
  ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaimTemplate',
    metadata: { name: 'gpus', namespace: 'default' },
    spec: { spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: GPU, count } }] } } },
  }) as KubeObject;

function gang(size: number, groupClaims: boolean): KubeObject[] {
  const claims = [{ name: 'gpu', resourceClaimTemplateName: 'gpus' }];
  return [
    {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: { name: 'train', namespace: 'default' },
      spec: { schedulingPolicy: { gang: { minCount: size } }, ...(groupClaims ? { resourceClaims: claims } : {}) },
    } as KubeObject,
    ...Array.from(
      { length: size },
      (_, i) =>
        ({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `train-${i}`, namespace: 'default', creationTimestamp: `2026-01-01T00:00:0${i}Z` },
          spec: {
            schedulingGroup: { podGroupName: 'train' },
            containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }],
            resourceClaims: claims,
          },
        }) as KubeObject,
    ),
  ];
}

function analyse(objects: KubeObject[]) {
  const input = simulationInput(objects);
  return analysePlacement(input, input.podGroups[0] as PodGroup, NOW);
}

describe('explain placement with DRA claims', () => {
  it('counts a PodGroup claim once for the whole gang and says the pods share it', () => {
    const placement = analyse([node('n1'), node('n2'), slice('n1', 1), slice('n2', 1), gpuClass, template(2), ...gang(3, true)]);
    expect(placement.outcome).toBe('Unschedulable');
    expect(placement.devices?.requests).toEqual([
      expect.objectContaining({
        claim: 'PodGroup train: ResourceClaimTemplate gpus',
        perClaim: 2,
        claims: 1,
        pods: 3,
        matching: 2,
        free: 2,
        claimsFit: 0,
      }),
    ]);
    expect(placement.hint).toBe(
      'PodGroup train: ResourceClaimTemplate gpus, request gpu: the 3 pods share 1 claim of 2 gpu.example.com devices each; 2 of 2 matching devices are free (n1 1, n2 1), enough for 0 claims; free or add 2 gpu.example.com devices (2 on one node per claim) on nodes the pods can use; nodes without such devices do not help',
    );
  });

  it('gives every pod its own claim without the PodGroup entry, and fits them', () => {
    const placement = analyse([node('n1'), node('n2'), slice('n1', 2), slice('n2', 2), gpuClass, template(2), ...gang(2, false)]);
    expect(placement.outcome).toBe('Scheduled');
    expect(placement.devices?.requests[0]).toMatchObject({ claim: 'ResourceClaimTemplate gpus', claims: 2, pods: 2, claimsFit: 2 });
    expect(placement.hint).toBeNull();
  });

  it('has no device table for a gang without claims', () => {
    const [group, ...pods] = gang(1, false);
    const plain = pods.map((p) => ({ ...p, spec: { ...(p as { spec: object }).spec, resourceClaims: [] } }) as KubeObject);
    expect(analyse([node('n1'), group as KubeObject, ...plain]).devices).toBeNull();
  });
});

describe('freeWhere', () => {
  it('lists the nodes with the most free devices first and folds the rest', () => {
    const byNode = ['a', 'b', 'c', 'd', 'e', 'f'].map((node, i) => ({ node, devices: 6 - i }));
    expect(freeWhere(byNode)).toBe('a 6, b 5, c 4, d 3, +2 more nodes');
    expect(freeWhere([])).toBe('none');
  });
});
