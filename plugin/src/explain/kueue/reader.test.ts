// The Kueue reader over examples/kueue/over-quota.yaml (a gang over its ClusterQueue's cpu quota) and
// variants of it: linking pods to their Workload, the verdict from Kueue's conditions, quota per flavor.

import { readFileSync } from 'node:fs';
import { parseObjectsFile, type Pod } from '@kubectl-workload/api';
import { stateFromObjects, type ClusterQueue, type KueueState, type KueueWorkload } from '@kubectl-workload/cluster';
import { findWorkload, readKueue, requested } from './reader.js';
import { formatNanos } from './quantities.js';

const EXAMPLE = new URL('../../../../examples/kueue/over-quota.yaml', import.meta.url);

function load(): { kueue: KueueState; pods: Pod[] } {
  const state = stateFromObjects(parseObjectsFile(readFileSync(EXAMPLE, 'utf8'), 'over-quota.yaml'));
  if (!state.kueue) throw new Error('the example holds Kueue objects');
  return { kueue: state.kueue, pods: state.pods };
}

const withWorkload = (kueue: KueueState, change: (wl: KueueWorkload) => KueueWorkload): KueueState => ({
  ...kueue,
  workloads: kueue.workloads.map(change),
});

describe('Kueue reader', () => {
  it('reads the example: Workload by pod-group label, its queues, QuotaReserved=False and cpu short in the flavor', () => {
    const { kueue, pods } = load();
    const finding = readKueue(pods, kueue);
    expect(finding).toMatchObject({
      workload: 'ml/trainer',
      linkedBy: 'pod label kueue.x-k8s.io/pod-group-name',
      localQueue: 'ml/team-queue',
      localQueueFound: true,
      clusterQueue: 'team-cq',
      clusterQueueFound: true,
      verdict: 'quota',
      condition: 'QuotaReserved=False/Pending',
      message: "couldn't assign flavors to pod set b990493b: insufficient unused quota for cpu in flavor default-flavor, 4 more needed",
    });
    expect(finding.quota).toEqual([
      { flavor: 'default-flavor', resource: 'cpu', requested: '8', nominalQuota: '16', reserved: '12', available: '4', fits: false },
      {
        flavor: 'default-flavor',
        resource: 'memory',
        requested: '16Gi',
        nominalQuota: '64Gi',
        reserved: '24Gi',
        available: '40Gi',
        fits: true,
      },
    ]);
  });

  it('links a single pod through the Workload owner reference, and a Job pod through its controller', () => {
    const { kueue, pods } = load();
    const unlabelled = pods.map((p) => ({ ...p, metadata: { ...p.metadata, labels: {} } }));
    const owned = withWorkload(kueue, (wl) => ({ ...wl, metadata: { ...wl.metadata, name: 'pod-trainer-0-1a2b3' } }));
    expect(findWorkload(unlabelled, owned)?.linkedBy).toBe('owner reference to Pod trainer-0');
    const jobPod: Pod = {
      ...(unlabelled[0] as Pod),
      metadata: {
        name: 'train-0',
        namespace: 'ml',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid: 'u-job', controller: true }],
      },
    };
    const byJob = withWorkload(kueue, (wl) => ({
      ...wl,
      metadata: {
        ...wl.metadata,
        name: 'job-train-5d2c1',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'train', uid: 'u-job', controller: true }],
      },
    }));
    expect(findWorkload([jobPod], byJob)).toMatchObject({
      linkedBy: 'owner reference to Job train',
      workload: { metadata: { name: 'job-train-5d2c1' } },
    });
    expect(findWorkload([jobPod], kueue)).toBeUndefined();
  });

  it('says inadmissible with Kueue’s own message, and notices a missing LocalQueue', () => {
    const { kueue, pods } = load();
    const inadmissible = withWorkload(kueue, (wl) => ({
      ...wl,
      spec: { ...wl.spec, queueName: 'gone' },
      status: {
        conditions: [{ type: 'QuotaReserved', status: 'False', reason: 'Inadmissible', message: "LocalQueue gone doesn't exist" }],
      },
    }));
    expect(readKueue(pods, inadmissible)).toMatchObject({
      verdict: 'inadmissible',
      condition: 'QuotaReserved=False/Inadmissible',
      message: "LocalQueue gone doesn't exist",
      localQueue: 'ml/gone',
      localQueueFound: false,
      clusterQueue: null,
      quota: [],
    });
  });

  it('tells not yet evaluated, admission checks pending, admitted and deactivated apart', () => {
    const { kueue, pods } = load();
    const verdict = (status: KueueWorkload['status'], spec?: KueueWorkload['spec']) =>
      readKueue(
        pods,
        withWorkload(kueue, (wl) => ({ ...wl, spec: { ...wl.spec, ...spec }, status })),
      ).verdict;
    expect(verdict({})).toBe('pending');
    const reserved = { type: 'QuotaReserved', status: 'True', reason: 'QuotaReserved', message: 'Quota reserved in ClusterQueue team-cq' };
    const checks = readKueue(
      pods,
      withWorkload(kueue, (wl) => ({
        ...wl,
        status: {
          conditions: [reserved],
          admissionChecks: [
            { name: 'prov', state: 'Pending', message: 'waiting for capacity' },
            { name: 'ok', state: 'Ready' },
          ],
        },
      })),
    );
    expect(checks).toMatchObject({ verdict: 'admission-checks', pendingChecks: ['prov: Pending (waiting for capacity)'] });
    expect(verdict({ conditions: [reserved, { type: 'Admitted', status: 'True', reason: 'Admitted' }] })).toBe('admitted');
    expect(verdict({ conditions: [] }, { active: false })).toBe('deactivated');
  });

  it('sums requests from pod sets when Kueue wrote no resourceRequests, and reads flavorsUsage when flavorsReservation is absent', () => {
    const { kueue, pods } = load();
    const wl = kueue.workloads[0] as KueueWorkload;
    const bare: KueueWorkload = { ...wl, status: { ...wl.status, resourceRequests: [] } };
    expect([...requested(bare)].map(([k, v]) => [k, formatNanos(v)])).toEqual([
      ['cpu', '8'],
      ['memory', '16Gi'],
    ]);
    const cq = kueue.clusterQueues[0] as ClusterQueue;
    const usageOnly = { ...kueue, clusterQueues: [{ ...cq, status: { ...cq.status, flavorsReservation: undefined } }] };
    expect(readKueue(pods, usageOnly).quota[0]).toMatchObject({ resource: 'cpu', reserved: '12', available: '4' });
  });

  it('formats exact quantities: whole units, binary suffixes, millicores', () => {
    expect([4_000_000_000n, 1_500_000_000n, 17_179_869_184_000_000_000n, -2_000_000_000n].map(formatNanos)).toEqual([
      '4',
      '1500m',
      '16Gi',
      '-2',
    ]);
  });
});
