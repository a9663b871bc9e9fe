import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject } from '@kubectl-workload/api';
import { sampleClusterObjects } from './sample-cluster.js';
import { TestApiServer } from './server.js';

let server: TestApiServer;

beforeAll(async () => {
  server = await TestApiServer.start({ objects: sampleClusterObjects() });
});
afterAll(() => server.close());

interface Reply {
  code: number;
  body: string;
}

function call(path: string, options: { token?: string; method?: string; lines?: number; to?: TestApiServer } = {}): Promise<Reply> {
  const target = options.to ?? server;
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}${path}`,
      { ca: target.caData, method: options.method ?? 'GET', headers: { Authorization: `Bearer ${options.token ?? target.token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          // A watch never ends by itself: stop after the expected number of events.
          if (options.lines !== undefined && body.split('\n').length > options.lines) {
            res.destroy();
            resolve({ code: res.statusCode ?? 0, body });
          }
        });
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const json = async (path: string, to?: TestApiServer): Promise<Record<string, unknown>> =>
  JSON.parse((await call(path, to ? { to } : {})).body) as Record<string, unknown>;

describe('TestApiServer', () => {
  it('serves discovery, and stops listing scheduling.k8s.io/v1alpha2 when switched off', async () => {
    const groups = (await json('/apis')) as {
      groups: Array<{ name: string; versions: Array<{ version: string }>; preferredVersion: { version: string } }>;
    };
    const scheduling = groups.groups.find((g) => g.name === 'scheduling.k8s.io');
    expect(scheduling?.versions.map((v) => v.version)).toEqual(['v1', 'v1alpha2']);
    expect(scheduling?.preferredVersion.version).toBe('v1');
    const alpha = (await json('/apis/scheduling.k8s.io/v1alpha2')) as { resources: Array<{ name: string; namespaced: boolean }> };
    expect(alpha.resources.map((r) => [r.name, r.namespaced])).toEqual([
      ['workloads', true],
      ['podgroups', true],
    ]);
    server.setSchedulingAlphaServed(false);
    try {
      expect((await call('/apis/scheduling.k8s.io/v1alpha2')).code).toBe(404);
      const list = await call('/apis/scheduling.k8s.io/v1alpha2/podgroups');
      expect(JSON.parse(list.body)).toMatchObject({
        code: 404,
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    } finally {
      server.setSchedulingAlphaServed(true);
    }
  });

  it('answers /version without a token and everything else only with the right one', async () => {
    expect(((await json('/version')) as { gitVersion: string }).gitVersion).toBe('v1.36.0');
    const denied = await call('/api/v1/pods', { token: 'wrong' });
    expect(denied.code).toBe(401);
    expect(JSON.parse(denied.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('refuses writes and records them', async () => {
    const before = server.writes().length;
    const reply = await call('/api/v1/namespaces/team-a/pods', { method: 'POST' });
    expect(reply.code).toBe(405);
    expect(
      server
        .writes()
        .slice(before)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['POST /api/v1/namespaces/team-a/pods']);
  });

  it('lists without apiVersion/kind on items, with limit and continue', async () => {
    const first = (await json('/api/v1/pods?limit=3')) as {
      kind: string;
      items: Array<Record<string, unknown>>;
      metadata: { continue?: string };
    };
    expect(first.kind).toBe('PodList');
    expect(first.items).toHaveLength(3);
    expect(first.items[0]?.kind).toBeUndefined();
    const rest = (await json(`/api/v1/pods?limit=3&continue=${first.metadata.continue}`)) as {
      items: Array<{ metadata: { name: string } }>;
      metadata: { continue?: string };
    };
    expect(rest.items.map((p) => p.metadata.name)).toEqual(['training-3']);
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('resumes a watch from a resourceVersion with MODIFIED and DELETED events', async () => {
    const since = server.store.resourceVersion;
    server.store.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'training-3', namespace: 'team-a' },
      status: { phase: 'Running' },
    } as KubeObject);
    server.store.remove('v1', 'Pod', 'team-a', 'training-3');
    const reply = await call(`/api/v1/namespaces/team-a/pods?watch=1&resourceVersion=${since}`, { lines: 2 });
    const events = reply.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: { kind: string; metadata: { name: string } } });
    expect(events.map((e) => `${e.type} ${e.object.kind}/${e.object.metadata.name}`)).toEqual([
      'MODIFIED Pod/training-3',
      'DELETED Pod/training-3',
    ]);
  });
});

describe('TestApiServer as Kubernetes 1.37 (ADM-10)', () => {
  let v137: TestApiServer;
  const pg = {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'PodGroup',
    metadata: { name: 'workers', namespace: 'ml' },
    spec: { workloadRef: { workloadName: 'w', templateName: 't' } },
  };
  const cpg = {
    apiVersion: 'scheduling.k8s.io/v1alpha3',
    kind: 'CompositePodGroup',
    metadata: { name: 'job', namespace: 'ml' },
    spec: { workloadRef: { workloadName: 'w', templateName: 'c' } },
  };

  beforeAll(async () => {
    v137 = await TestApiServer.start({ objects: [pg, cpg] as KubeObject[], kubernetesVersion: '1.37' });
  });
  afterAll(() => v137.close());

  it('serves v1beta1 and v1alpha3 instead of v1alpha2, and says 1.37 in /version', async () => {
    const groups = (await json('/apis', v137)) as { groups: Array<{ name: string; versions: Array<{ version: string }> }> };
    expect(groups.groups.find((g) => g.name === 'scheduling.k8s.io')?.versions.map((v) => v.version)).toEqual([
      'v1',
      'v1beta1',
      'v1alpha3',
    ]);
    const alpha3 = (await json('/apis/scheduling.k8s.io/v1alpha3', v137)) as { resources: Array<{ name: string }> };
    expect(alpha3.resources.map((r) => r.name)).toEqual(['workloads', 'podgroups', 'compositepodgroups']);
    const beta1 = (await json('/apis/scheduling.k8s.io/v1beta1', v137)) as { resources: Array<{ name: string }> };
    expect(beta1.resources.map((r) => r.name)).toEqual(['workloads', 'podgroups']);
    expect((await call('/apis/scheduling.k8s.io/v1alpha2/podgroups', { to: v137 })).code).toBe(404);
    expect((await json('/version', v137)) as { gitVersion: string; minor: string }).toMatchObject({ gitVersion: 'v1.37.0', minor: '37' });
  });

  it('serves one stored PodGroup under both versions, each with its own apiVersion', async () => {
    const beta = await json('/apis/scheduling.k8s.io/v1beta1/namespaces/ml/podgroups/workers', v137);
    const alpha = await json('/apis/scheduling.k8s.io/v1alpha3/namespaces/ml/podgroups/workers', v137);
    expect([beta.apiVersion, alpha.apiVersion]).toEqual(['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha3']);
    expect(alpha.spec).toEqual(beta.spec);
    const list = (await json('/apis/scheduling.k8s.io/v1alpha3/compositepodgroups', v137)) as {
      kind: string;
      apiVersion: string;
      items: unknown[];
    };
    expect([list.kind, list.apiVersion, list.items.length]).toEqual(['CompositePodGroupList', 'scheduling.k8s.io/v1alpha3', 1]);
  });

  it('streams watch events in the version watched', async () => {
    const reply = await call('/apis/scheduling.k8s.io/v1alpha3/podgroups?watch=1', { to: v137, lines: 1 });
    const event = JSON.parse(reply.body.split('\n')[0] ?? '') as { type: string; object: { apiVersion: string } };
    expect(event).toMatchObject({ type: 'ADDED', object: { apiVersion: 'scheduling.k8s.io/v1alpha3' } });
  });
});
