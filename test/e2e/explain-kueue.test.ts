// explain and snapshot on a Kueue-gated gang through real (pinned) kubectl against the test API
// server playing a cluster with Kueue installed (kueue.x-k8s.io v1beta1/v1beta2 served), then the
// same objects on one without Kueue and with Kueue's kinds refused by RBAC. Fixture:
// examples/kueue/over-quota.yaml (ClusterQueue team-cq has 4 of 16 cpu left; the gang asks 8).
// Needs `npm run build` (make test builds first).

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile, type KubeObject } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/kueue/over-quota.yaml', import.meta.url);

interface Explanation {
  broken: { link: string; summary: string; fix: string; details: string[] } | null;
  kueue: {
    workload: string | null;
    localQueue: string | null;
    clusterQueue: string | null;
    verdict: string;
    condition: string | null;
    message: string | null;
    quota: { flavor: string; resource: string; requested: string; available: string; fits: boolean }[];
  } | null;
}

let objects: KubeObject[];
let home: string;
const servers: TestApiServer[] = [];

beforeAll(async () => {
  objects = parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'over-quota.yaml');
  home = await mkdtemp(join(tmpdir(), 'explain-kueue-e2e-'));
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function cluster(serveKueue: boolean): Promise<{ server: TestApiServer; kubectl: (...args: string[]) => Promise<RunResult> }> {
  const server = await TestApiServer.start({ objects, serveKueue });
  servers.push(server);
  const dir = await mkdtemp(join(home, 'kubeconfig-'));
  const kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, namespace: 'ml', dir });
  return { server, kubectl: (...args) => run('kubectl', args, kubectlEnv(home, kubeconfig)) };
}

const explanation = (r: RunResult): Explanation => JSON.parse(r.stdout) as Explanation;

/** `explain podgroup/trainer -o json`: the gang is stuck, so exit 1 with nothing on stderr. */
async function explainTrainer(serveKueue: boolean): Promise<Awaited<ReturnType<typeof cluster>> & { doc: Explanation }> {
  const { server, kubectl } = await cluster(serveKueue);
  const result = await kubectl('workload', 'explain', 'podgroup/trainer', '-o', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  return { server, kubectl, doc: explanation(result) };
}

describe('explain follows a Kueue-gated gang to Kueue (read-only)', () => {
  it('names the gate, the Workload, its queues and the cpu short in the flavor; exit 1; only GETs', async () => {
    const { server, kubectl, doc } = await explainTrainer(true);
    expect(doc.broken).toMatchObject({
      link: 'gates',
      summary:
        '4 of 4 pods wait for scheduling gates (kueue.x-k8s.io/admission): none without gates, below minCount 4; Kueue Workload ml/trainer waits for quota in ClusterQueue team-cq (cpu in default-flavor: requested 8, available 4)',
      fix: 'free quota in ClusterQueue team-cq (finish or delete admitted Workloads) or raise its nominalQuota',
    });
    expect(doc.kueue).toMatchObject({
      workload: 'ml/trainer',
      localQueue: 'ml/team-queue',
      clusterQueue: 'team-cq',
      verdict: 'quota',
      condition: 'QuotaReserved=False/Pending',
      message: "couldn't assign flavors to pod set b990493b: insufficient unused quota for cpu in flavor default-flavor, 4 more needed",
    });
    expect(doc.kueue?.quota.map((q) => [q.resource, q.requested, q.available, q.fits])).toEqual([
      ['cpu', '8', '4', false],
      ['memory', '16Gi', '40Gi', true],
    ]);
    expect(server.writes()).toEqual([]);
    // Kueue read in the version its discovery prefers among those we know (v1beta2 first).
    const kueueLists = server.requests.filter((r) => r.path.startsWith('/apis/kueue.x-k8s.io/'));
    expect(kueueLists.map((r) => r.path.split('/').pop()).sort()).toEqual(['clusterqueues', 'localqueues', 'resourceflavors', 'workloads']);
    expect(kueueLists.every((r) => r.path.startsWith('/apis/kueue.x-k8s.io/v1beta2/') && r.verb === 'list')).toBe(true);

    const text = await kubectl('workload', 'why', 'trainer');
    expect(text.stdout).toContain("Kueue: QuotaReserved=False/Pending: couldn't assign flavors to pod set b990493b");
    expect(text.stdout).toContain('cpu in flavor default-flavor: requested 8, available 4 (nominalQuota 16, reserved 12) - short');
  });

  it('snapshot captures the Kueue objects, and explain on the snapshot says the same', async () => {
    const { kubectl } = await cluster(true);
    const snap = await kubectl('workload', 'snapshot', '-A');
    expect(snap.code).toBe(0);
    const captured = parseObjectsFile(snap.stdout, 'snapshot.yaml').filter((o) => o.apiVersion?.startsWith('kueue.x-k8s.io/'));
    expect(captured.map((o) => `${o.apiVersion} ${o.kind}/${o.metadata?.name}`)).toEqual([
      'kueue.x-k8s.io/v1beta2 ResourceFlavor/default-flavor',
      'kueue.x-k8s.io/v1beta2 ClusterQueue/team-cq',
      'kueue.x-k8s.io/v1beta2 LocalQueue/team-queue',
      'kueue.x-k8s.io/v1beta2 Workload/trainer',
    ]);
    const file = join(home, 'kueue-snapshot.yaml');
    await writeFile(file, snap.stdout);
    const live = await kubectl('workload', 'explain', 'podgroup/trainer', '-o', 'json');
    const offline = await kubectl('workload', 'explain', 'podgroup/trainer', '-n', 'ml', '-o', 'json', '--snapshot', file);
    expect(explanation(offline)).toEqual(explanation(live));
  });

  it('without Kueue installed: no error, no Kueue request beyond discovery, the gates still named', async () => {
    const { server, doc } = await explainTrainer(false);
    expect(doc.kueue).toBeNull();
    expect(doc.broken?.link).toBe('gates');
    expect(doc.broken?.details).toContain(
      'Kueue: no kueue.x-k8s.io objects in the cluster view (Kueue not installed, or a snapshot without them)',
    );
    expect(server.requests.filter((r) => r.path.startsWith('/apis/kueue.x-k8s.io')).map((r) => r.path)).toEqual(['/apis/kueue.x-k8s.io']);
  });

  it('with Kueue workloads refused by RBAC: a warning naming the permission, and the rest of Kueue still read', async () => {
    const { server, kubectl } = await cluster(true);
    server.forbid({ resource: 'workloads', group: 'kueue.x-k8s.io', verb: 'list' });
    const result = await kubectl('workload', 'explain', 'podgroup/trainer', '-o', 'json');
    expect(result.stderr).toContain('warning: forbidden: you may not list workloads.kueue.x-k8s.io');
    expect(result.code).toBe(1);
    expect(explanation(result).kueue).toMatchObject({
      workload: null,
      verdict: 'no-workload',
      localQueue: 'ml/team-queue',
      clusterQueue: 'team-cq',
    });
  });
});
