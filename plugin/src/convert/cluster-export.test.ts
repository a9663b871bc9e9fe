// convert --from-cluster: the delete list (MIG-01, MIG-02), the recreate order and the MIG-05 checklist.

import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { PodGroup, Workload } from '@kubectl-workload/api';
import { exportCluster } from './cluster-export.js';

const workload = (name: string, namespace: string): Workload => ({
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'Workload',
  metadata: { name, namespace, uid: `${name}-uid`, resourceVersion: '3' },
  spec: { podGroupTemplates: [{ name: 'workers', schedulingPolicy: { gang: { minCount: 2 } } }] },
});
const podGroup = (name: string, namespace: string, owner?: 'Job'): PodGroup => ({
  apiVersion: 'scheduling.k8s.io/v1alpha2',
  kind: 'PodGroup',
  metadata: {
    name,
    namespace,
    ...(owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: 'j', controller: true }] } : {}),
  },
  spec: {
    podGroupTemplateRef: { workload: { workloadName: 'train', podGroupTemplateName: 'workers' } },
    schedulingPolicy: { gang: { minCount: 2 } },
    disruptionMode: 'Pod',
  },
  status: { conditions: [{ type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled' }] },
});

describe('exportCluster', () => {
  const result = exportCluster(
    {
      workloads: [workload('train', 'b'), workload('eval', 'a')],
      podGroups: [podGroup('train-workers', 'b', 'Job'), podGroup('x', 'b')],
      priorityClasses: [],
    },
    'scheduling.k8s.io/v1beta1',
  );

  it('writes Workloads before PodGroups, each converted and sorted by namespace/name', () => {
    expect(result.files.map((f) => [f.name, f.count])).toEqual([
      ['01-workloads.yaml', 2],
      ['02-podgroups.yaml', 2],
    ]);
    const workloads = parseAllDocuments(result.files[0]?.text ?? '').map((d) => d.toJS() as Workload);
    expect(workloads.map((w) => [w.apiVersion, w.metadata?.namespace, w.metadata?.name, w.metadata?.uid])).toEqual([
      ['scheduling.k8s.io/v1beta1', 'a', 'eval', undefined],
      ['scheduling.k8s.io/v1beta1', 'b', 'train', undefined],
    ]);
    const groups = parseAllDocuments(result.files[1]?.text ?? '').map(
      (d) => d.toJS() as Record<string, unknown> & { spec: Record<string, unknown> },
    );
    expect(groups[0]?.spec.disruptionMode).toEqual({ single: {} });
    expect(groups[0]?.status).toBeUndefined();
  });

  it('lists the delete commands per namespace, PodGroups first', () => {
    expect(result.deleteCommands).toEqual([
      'kubectl delete podgroups.v1alpha2.scheduling.k8s.io -n b train-workers x',
      'kubectl delete workloads.v1alpha2.scheduling.k8s.io -n a eval',
      'kubectl delete workloads.v1alpha2.scheduling.k8s.io -n b train',
    ]);
  });

  it('names Job-owned objects (MIG-06) and carries the MIG-05 gate steps', () => {
    expect(result.jobOwned).toEqual(['PodGroup b/train-workers']);
    expect(result.checklist.join('\n')).toContain('Remove GangScheduling and WorkloadAwarePreemption');
    expect(result.checklist.join('\n')).toContain('--runtime-config=scheduling.k8s.io/v1beta1=true');
  });

  it('tells to wait for the PodGroup finalizer before upgrading (MIG-04) and how to go back (MIG-07)', () => {
    const steps = result.checklist;
    const finalizer = steps.findIndex((s) => s.includes('scheduling.k8s.io/podgroup-protection finalizer'));
    const upgrade = steps.findIndex((s) => s.startsWith('Upgrade, then create'));
    expect(finalizer).toBeGreaterThanOrEqual(0);
    expect(finalizer).toBeLessThan(upgrade);
    expect(steps.at(-1)).toBe(
      'To go back to 1.36 later: delete the v1beta1/v1alpha3 objects first and re-add GangScheduling and WorkloadAwarePreemption (MIG-07).',
    );
  });

  it('writes nothing for a cluster without v1alpha2 objects', () => {
    expect(exportCluster({ workloads: [], podGroups: [], priorityClasses: [] }, 'scheduling.k8s.io/v1beta1').files).toEqual([]);
  });
});
