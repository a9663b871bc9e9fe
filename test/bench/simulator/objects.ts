// Objects the simulator benchmarks build: numbered nodes and pods in namespace `bench`.

import type { Node, Pod, PodSpec, ResourceList } from '@kubectl-workload/api';

export const benchNodeName = (i: number): string => `node-${String(i).padStart(5, '0')}`;

export function benchNodes(count: number, allocatable: ResourceList, labels: (i: number) => Record<string, string> = () => ({})): Node[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: benchNodeName(i), labels: { 'kubernetes.io/hostname': `node-${i}`, ...labels(i) } },
    status: { allocatable },
  }));
}

/** A one-container pod created `second` seconds into 2026 (creation order is queue order). */
export function benchPod(name: string, second: number, requests: ResourceList, spec: PodSpec = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'bench', creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString() },
    spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests } }], ...spec },
  };
}
