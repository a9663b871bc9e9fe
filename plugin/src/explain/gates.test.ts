// The gates link: a gang held by scheduling gates is a broken link naming each gate and who removes
// it; with Kueue's objects in view it follows the gang to Kueue and says why it is not admitted.

import { readFileSync } from 'node:fs';
import { parseObjectsFile, type Pod } from '@kubectl-workload/api';
import { emptyState, stateFromObjects, type ClusterState } from '@kubectl-workload/cluster';
import { explain } from './chain.js';
import type { Diagnosis } from './model.js';
import { resolveTarget } from './target.js';
import { node, pod, podGroup } from '../status/test-support/objects.js';

const NOW = '2026-11-23T12:00:00Z';
const EXAMPLE = new URL('../../../examples/kueue/over-quota.yaml', import.meta.url);

const run = (target: string, state: ClusterState, namespace = 'default'): Diagnosis =>
  explain(resolveTarget(target, namespace, state), { state, events: [], now: NOW });
const chainOf = (d: Diagnosis) => d.links.map((l) => `${l.link}:${l.status}`);
const gate = (p: Pod, ...names: string[]): Pod => ({ ...p, spec: { ...p.spec, schedulingGates: names.map((name) => ({ name })) } });
const nodes = [node('n1', {}, { cpu: '8', memory: '16Gi', pods: '110' })];

describe('explain chain: scheduling gates', () => {
  it('breaks at gates when the gated members leave the gang below minCount, naming each gate and its owner', () => {
    const pods = [
      pod('w-0', 'g'),
      gate(pod('w-1', 'g'), 'kueue.x-k8s.io/admission'),
      gate(pod('w-2', 'g'), 'example.com/hold', 'kueue.x-k8s.io/topology'),
    ];
    const d = run('g', { ...emptyState(), nodes, podGroups: [podGroup('g', { schedulingPolicy: { gang: { minCount: 3 } } })], pods });
    expect(chainOf(d).slice(-2)).toEqual(['pods:ok', 'gates:broken']);
    expect(d.broken?.summary).toBe(
      '2 of 3 pods wait for scheduling gates (kueue.x-k8s.io/admission, example.com/hold, kueue.x-k8s.io/topology): only 1 without gates, below minCount 3',
    );
    expect(d.broken?.details).toEqual([
      'w-1: waiting for scheduling gates: [kueue.x-k8s.io/admission] (PodScheduled=False/SchedulingGated)',
      'gate kueue.x-k8s.io/admission on 1 pod (w-1): Kueue removes it once the pods’ Kueue Workload is admitted (quota reserved in its ClusterQueue, admission checks passed)',
      'gate example.com/hold on 1 pod (w-2): not a gate this tool knows: the controller that added it (see the pod’s metadata.managedFields) must remove it',
      'gate kueue.x-k8s.io/topology on 1 pod (w-2): Kueue (Topology-Aware Scheduling) removes it after admission, once it has written the assigned topology domain into the pod’s nodeSelector',
      'Kueue: no kueue.x-k8s.io objects in the cluster view (Kueue not installed, or a snapshot without them)',
    ]);
    expect(d.broken?.fix).toContain('Kueue holds these pods until it admits their Workload');
    expect(d.kueue).toBeNull();
  });

  it('only notes gates when the members without them still meet minCount, and the simulation schedules those', () => {
    const pods = [pod('w-0', 'g'), pod('w-1', 'g'), gate(pod('w-2', 'g'), 'example.com/hold')];
    const d = run('g', { ...emptyState(), nodes, podGroups: [podGroup('g', { schedulingPolicy: { gang: { minCount: 2 } } })], pods });
    expect(d.links.find((l) => l.link === 'gates')).toMatchObject({
      status: 'info',
      summary: '1 of 3 pods wait for scheduling gates (example.com/hold); the 2 without gates still meet minCount 2',
    });
    expect(d.placement?.pods.map((p) => [p.name, p.outcome])).toEqual([
      ['w-0', 'Scheduled'],
      ['w-1', 'Scheduled'],
      ['w-2', 'Gated'],
    ]);
  });

  it('follows a Kueue-gated gang over quota to its Workload, LocalQueue and ClusterQueue', () => {
    const state = stateFromObjects(parseObjectsFile(readFileSync(EXAMPLE, 'utf8'), 'over-quota.yaml'));
    const d = run('podgroup/trainer', state, 'ml');
    expect(d.broken).toMatchObject({
      link: 'gates',
      summary:
        '4 of 4 pods wait for scheduling gates (kueue.x-k8s.io/admission): none without gates, below minCount 4; Kueue Workload ml/trainer waits for quota in ClusterQueue team-cq (cpu in default-flavor: requested 8, available 4)',
      fix: 'free quota in ClusterQueue team-cq (finish or delete admitted Workloads) or raise its nominalQuota',
    });
    expect(d.broken?.details.slice(2)).toEqual([
      'Kueue Workload ml/trainer (linked by pod label kueue.x-k8s.io/pod-group-name)',
      'LocalQueue ml/team-queue',
      'ClusterQueue team-cq',
      "Kueue: QuotaReserved=False/Pending: couldn't assign flavors to pod set b990493b: insufficient unused quota for cpu in flavor default-flavor, 4 more needed",
      'cpu in flavor default-flavor: requested 8, available 4 (nominalQuota 16, reserved 12) - short',
      'memory in flavor default-flavor: requested 16Gi, available 40Gi (nominalQuota 64Gi, reserved 24Gi)',
    ]);
    expect(d.kueue).toMatchObject({ workload: 'ml/trainer', verdict: 'quota', clusterQueue: 'team-cq' });
  });

  it('reads a Kueue-gated Pod outside any PodGroup on its own (Kueue pod integration)', () => {
    const objects = parseObjectsFile(readFileSync(EXAMPLE, 'utf8'), 'over-quota.yaml').filter((o) => o.kind !== 'PodGroup');
    const state = stateFromObjects(
      objects.map((o) => (o.kind === 'Pod' ? { ...o, spec: { ...(o as Pod).spec, schedulingGroup: undefined } } : o)),
    );
    const d = run('pod/trainer-1', state, 'ml');
    expect(chainOf(d)).toEqual(['podgroup:info', 'gates:broken']);
    expect(d.broken?.summary).toBe(
      'Pod ml/trainer-1 waits for scheduling gates (kueue.x-k8s.io/admission); Kueue Workload ml/trainer waits for quota in ClusterQueue team-cq (cpu in default-flavor: requested 8, available 4)',
    );
    expect(d.kueue).toMatchObject({ workload: 'ml/trainer', linkedBy: 'pod label kueue.x-k8s.io/pod-group-name' });
    const plain = run('pod/w-0', { ...emptyState(), nodes, pods: [pod('w-0', undefined)] });
    expect(chainOf(plain)).toEqual(['podgroup:info']);
  });
});
