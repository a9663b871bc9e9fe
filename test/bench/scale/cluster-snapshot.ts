// Cluster snapshots of the scale benchmark: `zones` zones of 1,000 nodes (32 CPU, 256 GiB), ten bound
// 2-CPU pods per node, and one pending gang `bench/train` of `gangSize` pods with a zone constraint.
// Two nodes per zone are full, so a gang of 1,000 8-CPU pods finds at most 998 places in any zone.

import { writeFileSync } from 'node:fs';

const NODES_PER_ZONE = 1000;
const BOUND_PER_NODE = 10;
const ZONE = 'topology.kubernetes.io/zone';

const nodeName = (i: number): string => `node-${String(i).padStart(5, '0')}`;

function node(i: number): object {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: nodeName(i), labels: { 'kubernetes.io/hostname': nodeName(i), [ZONE]: `zone-${Math.floor(i / NODES_PER_ZONE)}` } },
    status: { allocatable: { cpu: '32', memory: '256Gi', pods: '110' }, capacity: { cpu: '32', memory: '256Gi', pods: '110' } },
  };
}

function pod(name: string, cpu: string, extra: { nodeName?: string; podGroupName?: string }): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'bench', uid: `uid-${name}`, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: {
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
      ...(extra.podGroupName ? { schedulingGroup: { podGroupName: extra.podGroupName } } : {}),
      containers: [{ name: 'main', image: 'registry.example.com/ml/trainer:2.4.1', resources: { requests: { cpu, memory: '8Gi' } } }],
    },
    status: { phase: extra.nodeName ? 'Running' : 'Pending' },
  };
}

/** Writes the snapshot (a JSON List) to `file`; `gangCpu` is each gang pod's CPU request. */
export function writeClusterSnapshot(file: string, zones: number, gangSize: number, gangCpu: string): void {
  const items: object[] = [];
  const nodes = zones * NODES_PER_ZONE;
  for (let i = 0; i < nodes; i++) {
    items.push(node(i));
    // The last two nodes of each zone are full: their bound pods take all 32 CPUs.
    const full = i % NODES_PER_ZONE >= NODES_PER_ZONE - 2;
    for (let k = 0; k < BOUND_PER_NODE; k++) items.push(pod(`bound-${i}-${k}`, full ? '3200m' : '2', { nodeName: nodeName(i) }));
  }
  items.push({
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'train', namespace: 'bench', uid: 'uid-train', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { schedulingPolicy: { gang: { minCount: gangSize } }, schedulingConstraints: { topology: [{ key: ZONE }] } },
  });
  for (let k = 0; k < gangSize; k++) items.push(pod(`train-${k}`, gangCpu, { podGroupName: 'train' }));
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}
