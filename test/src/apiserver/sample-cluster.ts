// A small cluster for tests and the standalone server: one gang-scheduled training Job with its
// Workload, PodGroup and pods in team-a, a basic PodGroup in team-b, two nodes, a PriorityClass,
// a PodDisruptionBudget, an Event, a Secret (which the plugin must never read) and DRA objects.

import type { DeviceClass, KubeObject, ResourceClaimTemplate, ResourceSlice } from '@kubectl-workload/api';

const CREATED = '2026-11-01T10:00:00Z';
const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  ...(labels ? { labels } : {}),
  creationTimestamp: CREATED,
});

function node(name: string, zone: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, { 'topology.kubernetes.io/zone': zone, 'kubernetes.io/hostname': name }),
    spec: {},
    status: {
      allocatable: { cpu: '8', memory: '32Gi', pods: '110' },
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  } as KubeObject;
}

function trainingPod(index: number, nodeName: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(`training-${index}`, 'team-a', { app: 'training', 'batch.kubernetes.io/job-name': 'training' }),
    spec: {
      ...(nodeName ? { nodeName } : {}),
      priorityClassName: 'high',
      schedulingGroup: { podGroupName: 'training-workers' },
      containers: [{ name: 'main', image: 'trainer:1', resources: { requests: { cpu: '2', memory: '4Gi' } } }],
    },
    status: { phase: nodeName ? 'Running' : 'Pending' },
  } as KubeObject;
}

export function sampleClusterObjects(): KubeObject[] {
  return [
    node('node-1', 'zone-a'),
    node('node-2', 'zone-b'),
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: meta('high'), value: 1000 } as KubeObject,
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('training', 'team-a', { app: 'training' }),
      spec: {
        parallelism: 4,
        completions: 4,
        completionMode: 'Indexed',
        template: { spec: { schedulingGroup: { podGroupName: 'training-workers' } } },
      },
    } as KubeObject,
    {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'Workload',
      metadata: meta('training', 'team-a'),
      spec: {
        controllerRef: { apiGroup: 'batch', kind: 'Job', name: 'training' },
        podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 4 } } }],
      },
    } as KubeObject,
    {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: meta('training-workers', 'team-a', { app: 'training' }),
      spec: {
        podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'workers' } },
        schedulingPolicy: { gang: { minCount: 4 } },
      },
    } as KubeObject,
    trainingPod(0, 'node-1'),
    trainingPod(1, 'node-1'),
    trainingPod(2, 'node-2'),
    trainingPod(3, undefined),
    {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'PodGroup',
      metadata: meta('inference', 'team-b', { app: 'inference' }),
      spec: { schedulingPolicy: { basic: {} } },
    } as KubeObject,
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta('training', 'team-a'),
      spec: { minAvailable: 3, selector: { matchLabels: { app: 'training' } } },
    } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('training-3.1', 'team-a'),
      involvedObject: { kind: 'Pod', namespace: 'team-a', name: 'training-3' },
      reason: 'FailedScheduling',
      message: '0/2 nodes are available: 2 Insufficient cpu.',
      type: 'Warning',
      count: 3,
      source: { component: 'default-scheduler' },
    } as KubeObject,
    { apiVersion: 'v1', kind: 'Secret', metadata: meta('token', 'team-a'), data: { token: 'c2VjcmV0' } } as KubeObject,
    ...draObjects(),
  ];
}

/** A GPU DeviceClass, one node's ResourceSlice and a claim template nothing uses yet (DRA, resource.k8s.io/v1). */
function draObjects(): KubeObject[] {
  const v1 = 'resource.k8s.io/v1';
  const objects: [DeviceClass, ResourceSlice, ResourceClaimTemplate] = [
    {
      apiVersion: v1,
      kind: 'DeviceClass',
      metadata: meta('gpu.example.com'),
      spec: { selectors: [{ cel: { expression: "device.driver == 'gpu.example.com'" } }] },
    },
    {
      apiVersion: v1,
      kind: 'ResourceSlice',
      metadata: meta('node-1-gpu.example.com'),
      spec: {
        driver: 'gpu.example.com',
        nodeName: 'node-1',
        pool: { name: 'node-1', generation: 1, resourceSliceCount: 1 },
        devices: [{ name: 'gpu-0' }],
      },
    },
    {
      apiVersion: v1,
      kind: 'ResourceClaimTemplate',
      metadata: meta('one-gpu', 'team-a'),
      spec: { spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: 'gpu.example.com' } }] } } },
    },
  ];
  return objects;
}
