import { describe, expect, it } from '@jest/globals';
import { LookupIndexes } from './lookup-index.js';
import type { KubeObject, Pod, PodGroup } from './types.js';

const pod = (name: string, group?: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: group ? { schedulingGroup: { podGroupName: group } } : {},
});
const podGroup = (name: string, ref?: { workloadName?: string; podGroupTemplateName?: string }, controller?: string): PodGroup => ({
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: {
    name,
    ...(controller ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: controller, uid: 'u', controller: true }] } : {}),
  },
  spec: ref ? { podGroupTemplateRef: { workload: ref } } : {},
});
const names = (objects: readonly KubeObject[]): (string | undefined)[] => objects.map((o) => o.metadata?.name);

describe('LookupIndexes', () => {
  it('files pods by namespace and podGroupName, in the order added', () => {
    const indexes = new LookupIndexes();
    indexes.add('Pod', 'a', pod('p1', 'g'));
    indexes.add('Pod', 'b', pod('p2', 'g'));
    indexes.add('Pod', 'a', pod('p3', 'g'));
    indexes.add('Pod', 'a', pod('p4'));
    expect(names(indexes.podsOfPodGroup('a', 'g'))).toEqual(['p1', 'p3']);
    expect(names(indexes.podsOfPodGroup('b', 'g'))).toEqual(['p2']);
    expect(indexes.podsOfPodGroup('a', 'other')).toEqual([]);
  });

  it('files 1.37 CompositePodGroups by their Workload, and unfiles a replaced one (X-22)', () => {
    const cpg = (name: string, workloadName?: string): KubeObject =>
      ({
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'CompositePodGroup',
        metadata: { name },
        spec: workloadName ? { workloadRef: { workloadName, templateName: 'job' } } : {},
      }) as KubeObject;
    const indexes = new LookupIndexes();
    indexes.set('CompositePodGroup', 'ns', 'a', cpg('a', 'train'));
    indexes.set('CompositePodGroup', 'ns', 'b', cpg('b', 'train'));
    indexes.set('CompositePodGroup', 'ns', 'c', cpg('c'));
    indexes.set('CompositePodGroup', 'other', 'd', cpg('d', 'train'));
    expect(names(indexes.compositePodGroupsOfWorkload('ns', 'train'))).toEqual(['a', 'b']);
    indexes.set('CompositePodGroup', 'ns', 'a', cpg('a', 'serve'));
    indexes.delete('CompositePodGroup', 'ns', 'b');
    expect(indexes.compositePodGroupsOfWorkload('ns', 'train')).toEqual([]);
    expect(names(indexes.compositePodGroupsOfWorkload('ns', 'serve'))).toEqual(['a']);
  });

  it('files PodGroups by workload and by workload/template only when both names are set', () => {
    const indexes = new LookupIndexes();
    indexes.add('PodGroup', 'ns', podGroup('w1', { workloadName: 'train', podGroupTemplateName: 'workers' }));
    indexes.add('PodGroup', 'ns', podGroup('d1', { workloadName: 'train', podGroupTemplateName: 'driver' }));
    indexes.add('PodGroup', 'ns', podGroup('half', { workloadName: 'train' }));
    expect(names(indexes.podGroupsFromTemplate('ns', 'train'))).toEqual(['w1', 'd1']);
    expect(names(indexes.podGroupsFromTemplate('ns', 'train', 'workers'))).toEqual(['w1']);
    expect(indexes.podGroupsFromTemplate('other', 'train')).toEqual([]);
  });

  it('keeps names holding the separator of other indexes apart', () => {
    const indexes = new LookupIndexes();
    indexes.add('PodGroup', 'ns', podGroup('x', { workloadName: 'a/b', podGroupTemplateName: 'c' }));
    expect(indexes.podGroupsFromTemplate('ns', 'a', 'b/c')).toEqual([]);
    expect(names(indexes.podGroupsFromTemplate('ns', 'a/b', 'c'))).toEqual(['x']);
  });

  it('files PodGroups by controller kind and name; set replaces and delete removes', () => {
    const indexes = new LookupIndexes();
    indexes.set('PodGroup', 'ns', 'pg', podGroup('pg', undefined, 'job-a'));
    expect(names(indexes.podGroupsControlledBy('ns', 'Job', 'job-a'))).toEqual(['pg']);
    expect(indexes.podGroupsControlledBy('ns', 'JobSet', 'job-a')).toEqual([]);
    indexes.set('PodGroup', 'ns', 'pg', podGroup('pg', undefined, 'job-b'));
    expect(indexes.podGroupsControlledBy('ns', 'Job', 'job-a')).toEqual([]);
    expect(names(indexes.podGroupsControlledBy('ns', 'Job', 'job-b'))).toEqual(['pg']);
    indexes.delete('PodGroup', 'ns', 'pg');
    expect(indexes.podGroupsControlledBy('ns', 'Job', 'job-b')).toEqual([]);
    indexes.set('Pod', 'ns', 'p', pod('p', 'g'));
    indexes.set('Pod', 'ns', 'p', pod('p', 'h'));
    expect(indexes.podsOfPodGroup('ns', 'g')).toEqual([]);
    expect(names(indexes.podsOfPodGroup('ns', 'h'))).toEqual(['p']);
  });
});
