// `kubectl workload snapshot` through real kubectl (plugin found on PATH) against the test API
// server: a v1 List that parseObjectsFile reads back, GET-only, no Secrets, actionable errors.
// Needs `npm run build` (make test builds first).

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile, type KubeObject } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, sampleClusterObjects, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

let server: TestApiServer;
let home: string;

beforeAll(async () => {
  server = await TestApiServer.start({ objects: sampleClusterObjects() });
  home = await mkdtemp(join(tmpdir(), 'snapshot-e2e-'));
});
afterAll(() => server.close());

async function snapshot(args: string[], api: TestApiServer = server, token = api.token): Promise<RunResult> {
  const dir = await mkdtemp(join(home, 'kubeconfig-'));
  const kubeconfig = await writeKubeconfig({ server: api.url, caData: api.caData, token, namespace: 'team-a', dir });
  return run('kubectl', ['workload', 'snapshot', ...args], kubectlEnv(home, kubeconfig));
}

const key = (o: KubeObject): string => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
const CAPTURED = new Set([
  'Node',
  'Pod',
  'PodGroup',
  'Workload',
  'Job',
  'PriorityClass',
  'PodDisruptionBudget',
  'Event',
  'DeviceClass',
  'ResourceSlice',
  'ResourceClaimTemplate',
  'ResourceClaim',
]);

/** What the server holds of the captured kinds, in `scope` (cluster-scoped kinds always). */
function serverObjects(namespace?: string): KubeObject[] {
  const all = [
    ...server.store
      .changesSince(0)
      .reduce((m, e) => m.set(key(e.object), e.object), new Map<string, KubeObject>())
      .values(),
  ];
  return all.filter((o) => CAPTURED.has(o.kind ?? '') && (!namespace || !o.metadata?.namespace || o.metadata.namespace === namespace));
}

describe('kubectl workload snapshot', () => {
  it('-A writes every captured object as one v1 List that parseObjectsFile reads back unchanged', async () => {
    server.requests.length = 0;
    const result = await snapshot(['-A']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('apiVersion: v1\nkind: List\n')).toBe(true);
    const objects = parseObjectsFile(result.stdout, 'snapshot.yaml');
    const expected = serverObjects();
    expect(objects.map(key).sort()).toEqual(expected.map(key).sort());
    const byKey = new Map(objects.map((o) => [key(o), o]));
    for (const obj of expected) expect(byKey.get(key(obj))).toEqual(obj);
  });

  it('only lists, with GET, and never reads Secrets; the feature gates come from a GET of /metrics', () => {
    expect(server.writes()).toEqual([]);
    // Besides the lists, two discovery GETs (which scheduling.k8s.io version serves PodGroups; whether
    // Kueue is installed: here not, so no Kueue list follows) and one GET of /metrics (the feature gates).
    const others = new Set(['/apis/scheduling.k8s.io', '/apis/kueue.x-k8s.io', '/metrics']);
    const lists = server.requests.filter((r) => !others.has(r.path));
    expect(server.requests.length - lists.length).toBe(3);
    expect(server.requests.filter((r) => r.path === '/metrics')).toHaveLength(1);
    const resources = lists.map((r) => r.path.split('/').pop());
    expect(resources.sort()).toEqual([
      'csinodes',
      'deviceclasses',
      'events',
      'jobs',
      'nodes',
      'persistentvolumeclaims',
      'persistentvolumes',
      'poddisruptionbudgets',
      'podgroups',
      'pods',
      'priorityclasses',
      'replicasets',
      'replicationcontrollers',
      'resourceclaims',
      'resourceclaimtemplates',
      'resourceslices',
      'services',
      'statefulsets',
      'storageclasses',
      'workloads',
    ]);
    expect(lists.every((r) => r.verb === 'list')).toBe(true);
  });

  it("defaults to the context's namespace; -n picks another; -o json writes the same List", async () => {
    const teamA = parseObjectsFile((await snapshot([])).stdout, 'a.yaml');
    expect(teamA.map(key).sort()).toEqual(serverObjects('team-a').map(key).sort());
    const teamB = JSON.parse((await snapshot(['-n', 'team-b', '-o', 'json'])).stdout) as { kind: string; items: KubeObject[] };
    expect(teamB.kind).toBe('List');
    expect(teamB.items.map(key).sort()).toEqual(serverObjects('team-b').map(key).sort());
  });

  it('fails with exit code 2 and an actionable message, no stack trace, and writes nothing', async () => {
    const off = await TestApiServer.start({ objects: sampleClusterObjects(), serveSchedulingAlpha: false });
    try {
      const result = await snapshot(['-A'], off);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: the API server at ${off.url} does not serve scheduling.k8s.io/v1alpha2 (Workload, PodGroup): enable the feature gate GenericWorkload and --runtime-config=scheduling.k8s.io/v1alpha2=true on kube-apiserver\n`,
      });
    } finally {
      await off.close();
    }
    const denied = await snapshot(['-A'], server, 'expired');
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/^error: the API server at https:\/\/127\.0\.0\.1:\d+ rejected the credentials \(401 Unauthorized\)/);
    expect(denied.stderr).not.toMatch(/\n\s+at /);
  });
});
