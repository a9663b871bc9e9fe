// Kueue's objects in a snapshot: sorted into state.kueue, narrowed by namespace like other kinds,
// written back before the events; a snapshot without any leaves state.kueue undefined.

import type { KubeObject } from '@kubectl-workload/api';
import { stateFromObjects, stateObjects } from './state.js';

const kueue = (kind: string, name: string, namespace?: string, version = 'v1beta2'): KubeObject => ({
  apiVersion: `kueue.x-k8s.io/${version}`,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
});
const event: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'e', namespace: 'ml' },
  involvedObject: { kind: 'Pod', name: 'p', namespace: 'ml' },
  lastTimestamp: '2026-11-23T11:00:00Z',
} as KubeObject;
const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ml' } };

describe('Kueue objects in the cluster state', () => {
  const objects = [
    event,
    kueue('Workload', 'wl-ml', 'ml'),
    kueue('Workload', 'wl-other', 'other', 'v1beta1'),
    kueue('LocalQueue', 'lq', 'ml'),
    kueue('ClusterQueue', 'cq'),
    kueue('ResourceFlavor', 'default-flavor'),
    kueue('AdmissionCheck', 'prov'),
    pod,
  ];

  it('sorts the four kinds explain reads (any served version), ignores other Kueue kinds', () => {
    const state = stateFromObjects(objects);
    expect(state.kueue?.workloads.map((o) => o.metadata?.name)).toEqual(['wl-ml', 'wl-other']);
    expect(state.kueue?.localQueues).toHaveLength(1);
    expect(state.kueue?.clusterQueues).toHaveLength(1);
    expect(state.kueue?.resourceFlavors).toHaveLength(1);
    expect(state.pods).toEqual([pod]);
  });

  it('narrows namespaced kinds to the scope and keeps cluster-scoped ones', () => {
    const state = stateFromObjects(objects, { namespace: 'other' });
    expect(state.kueue?.workloads.map((o) => o.metadata?.name)).toEqual(['wl-other']);
    expect(state.kueue?.localQueues).toEqual([]);
    expect(state.kueue?.clusterQueues.map((o) => o.metadata?.name)).toEqual(['cq']);
  });

  it('writes them back after the other kinds and before the events, so a snapshot round-trips', () => {
    const written = stateObjects(stateFromObjects(objects));
    expect(written.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Pod/p',
      'ResourceFlavor/default-flavor',
      'ClusterQueue/cq',
      'LocalQueue/lq',
      'Workload/wl-ml',
      'Workload/wl-other',
      'Event/e',
    ]);
    expect(stateFromObjects(written)).toEqual(stateFromObjects(objects));
  });

  it('leaves state.kueue undefined without Kueue objects', () => {
    expect(stateFromObjects([pod, event]).kueue).toBeUndefined();
  });
});
