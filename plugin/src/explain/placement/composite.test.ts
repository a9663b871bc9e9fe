// explain under Kubernetes 1.37: a PodGroup that fits but whose parent CompositePodGroup misses its
// minGroupCount is explained from the root down, naming the sibling that failed and its node reason.

import type { KubeObject, Pod, PodGroup } from '@kubectl-workload/api';
import { emptyState } from '@kubectl-workload/cluster';
import { analysePlacement } from './analysis.js';

const meta = (name: string, second: number) => ({ name, namespace: 'ml', creationTimestamp: `2026-01-01T00:00:0${second}Z` });
const leaf = (name: string, second: number): PodGroup =>
  ({
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'PodGroup',
    metadata: meta(name, second),
    spec: {
      parentCompositePodGroupName: 'train',
      workloadRef: { workloadName: 'w', templateName: name },
      schedulingPolicy: { gang: { minCount: 1 } },
    },
  }) as PodGroup;
const pod = (name: string, group: string, cpu: string, second: number): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(name, second),
  spec: { schedulingGroup: { podGroupName: group }, containers: [{ name: 'c', resources: { requests: { cpu } } }] },
});

describe('explain placement of a 1.37 composite', () => {
  const state = {
    ...emptyState(),
    nodes: [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } },
    ],
    compositePodGroups: [
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'CompositePodGroup',
        metadata: { name: 'train', namespace: 'ml' },
        spec: { workloadRef: { workloadName: 'w', templateName: 'train' }, schedulingPolicy: { gang: { minGroupCount: 2 } } },
      } as KubeObject,
    ],
    podGroups: [leaf('leader', 0), leaf('workers', 1)],
    pods: [pod('l0', 'leader', '1', 0), pod('w0', 'workers', '8', 1)],
  };

  it('walks from the root to the child that failed on its own and says what would fix it', () => {
    const analysis = analysePlacement(state, leaf('leader', 0), '2026-05-01T00:00:00Z', undefined, { kubeVersion: '1.37' });
    expect(analysis.kubeVersion).toBe('1.37');
    expect(analysis.outcome).toBe('Unschedulable');
    expect(analysis.condition).toMatchObject({ type: 'PodGroupInitiallyScheduled', status: 'False' });
    expect(analysis.composite?.tree).toEqual([
      'CompositePodGroup train (minGroupCount 2): Unschedulable - minCount (2) cannot be satisfied: 1 scheduled, 0 remaining',
      '  PodGroup leader: Unschedulable - minCount (2) cannot be satisfied: 1 scheduled, 0 remaining (fit on its own; overridden by the parent)',
      '  PodGroup workers: Unschedulable - minCount (1) cannot be satisfied: 0 scheduled, 0 remaining; first pod reason: 0/1 nodes are available: 1 Insufficient cpu.',
    ]);
    expect(analysis.hint).toBe(
      "child PodGroup workers fails on its own: free what its pods lack (0/1 nodes are available: 1 Insufficient cpu.) or lower its minCount (mutable in 1.37); a CompositePodGroup's minGroupCount is immutable (CPG-06): lowering it means recreating train (or changing the Workload template)",
    );
  });

  it('under 1.36 the same objects get no hierarchy', () => {
    expect(analysePlacement(state, leaf('leader', 0), '2026-05-01T00:00:00Z').composite).toBeNull();
  });
});
