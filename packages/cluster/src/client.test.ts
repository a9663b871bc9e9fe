import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { connect } from './client.js';
import { ApiNotServedError, ClusterAccessError, ForbiddenError } from './errors.js';
import { schedulingReadVersion } from './kinds.js';
import { startSampleServer, type ServerFixture } from './test-support/server.js';

let fixture: ServerFixture;
const env = {}; // no KUBECONFIG / HOME kubeconfig leaks in from the machine

beforeAll(async () => {
  fixture = await startSampleServer({ namespace: 'team-a' });
});
afterAll(() => fixture.server.close());
beforeEach(() => {
  fixture.server.requests.length = 0;
  fixture.server.allowAll();
  fixture.server.setSchedulingAlphaServed(true);
  fixture.server.latencyMs = 0;
});

describe('ClusterClient over real HTTPS', () => {
  it("lists in the context's namespace by default and sets apiVersion/kind on items", async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    expect(client.namespace).toBe('team-a');
    const podGroups = await client.list('PodGroup');
    expect(podGroups.map((pg) => pg.metadata?.name)).toEqual(['training-workers']);
    expect(podGroups[0]).toMatchObject({ apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'PodGroup' });
  });

  it('-A lists every namespace; -n overrides the context', async () => {
    const all = await connect({ kubeconfig: fixture.kubeconfig, allNamespaces: true }, env);
    expect((await all.list('PodGroup')).map((pg) => pg.metadata?.namespace)).toEqual(['team-a', 'team-b']);
    const teamB = await connect({ kubeconfig: fixture.kubeconfig, namespace: 'team-b' }, env);
    expect((await teamB.list('PodGroup')).map((pg) => pg.metadata?.name)).toEqual(['inference']);
  });

  it('passes label and field selectors to the server', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    const pending = await client.list('Pod', { labelSelector: 'app in (training)', fieldSelector: 'status.phase=Pending' });
    expect(pending.map((p) => p.metadata?.name)).toEqual(['training-3']);
    const onNode1 = await client.list('Pod', { fieldSelector: 'spec.nodeName=node-1' });
    expect(onNode1.map((p) => p.metadata?.name)).toEqual(['training-0', 'training-1']);
  });

  it('gets cluster-scoped and namespaced objects', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    expect((await client.get('PriorityClass', 'high')).value).toBe(1000);
    expect((await client.get('Workload', 'training')).spec?.podGroupTemplates?.[0]?.name).toBe('workers');
    expect(await client.find('Job', 'missing')).toBeUndefined();
  });

  it('follows continue tokens across pages', async () => {
    for (let i = 0; i < 3; i++) fixture.server.store.apply({ apiVersion: 'v1', kind: 'Node', metadata: { name: `extra-${i}` } });
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    client.chunkSize = 2;
    const nodes = await client.list('Node');
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['extra-0', 'extra-1', 'extra-2', 'node-1', 'node-2']);
    expect(fixture.server.requests.map((r) => r.query.continue !== undefined)).toEqual([false, true, true]);
    for (let i = 0; i < 3; i++) fixture.server.store.remove('v1', 'Node', '', `extra-${i}`);
  });

  it('works from flags alone: --server, --token, --certificate-authority or --insecure-skip-tls-verify', async () => {
    const { server } = fixture;
    const insecure = await connect({ server: server.url, token: server.token, insecureSkipTlsVerify: true, namespace: 'team-b' }, env);
    expect((await insecure.list('PodGroup')).map((pg) => pg.metadata?.name)).toEqual(['inference']);
    const caFile = join(dirname(fixture.kubeconfig), 'ca.crt');
    await writeFile(caFile, server.caData);
    const verified = await connect({ server: server.url, token: server.token, certificateAuthority: caFile }, env);
    expect(verified.namespace).toBe('default');
    expect(await verified.list('PodGroup')).toEqual([]);
  });

  it('uses only GET, and only the resources it was asked for', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig, allNamespaces: true }, env);
    await client.list('Pod');
    await client.find('PodGroup', 'training-workers', 'team-a');
    expect(fixture.server.writes()).toEqual([]);
    expect(fixture.server.requests.map((r) => `${r.method} ${r.verb} ${r.path}`)).toEqual([
      'GET list /api/v1/pods',
      // Discovery, once per client: which scheduling.k8s.io version serves PodGroups (v1beta1 on 1.37).
      'GET undefined /apis/scheduling.k8s.io',
      'GET get /apis/scheduling.k8s.io/v1alpha2/namespaces/team-a/podgroups/training-workers',
    ]);
  });
});

describe('kubeVersion and serves: what the server speaks', () => {
  it('says 1.36 or 1.37 from the scheduling.k8s.io versions discovery lists', async () => {
    expect(await (await connect({ kubeconfig: fixture.kubeconfig }, env)).kubeVersion()).toBe('1.36');
    const v137 = await startSampleServer({ kubernetesVersion: '1.37' });
    try {
      const client = await connect({ kubeconfig: v137.kubeconfig }, env);
      expect(await client.kubeVersion()).toBe('1.37');
      expect(await client.serves('CompositePodGroup')).toBe(true);
    } finally {
      await v137.server.close();
    }
    expect(await (await connect({ kubeconfig: fixture.kubeconfig }, env)).serves('CompositePodGroup')).toBe(false);
  });

  it('reads PodGroups in v1beta1 and CompositePodGroups in v1alpha3 on 1.37, as its controllers do (ADM-10c)', async () => {
    const v137 = await startSampleServer({ kubernetesVersion: '1.37' });
    try {
      const client = await connect({ kubeconfig: v137.kubeconfig }, env);
      await client.list('PodGroup');
      await client.list('CompositePodGroup');
      const lists = v137.server.requests.filter((r) => r.verb === 'list').map((r) => r.path.replace(/\/namespaces\/[^/]+/, ''));
      expect(lists).toEqual(['/apis/scheduling.k8s.io/v1beta1/podgroups', '/apis/scheduling.k8s.io/v1alpha3/compositepodgroups']);
    } finally {
      await v137.server.close();
    }
  });

  it('never reads v1alpha2 from a 1.37 server, even one serving no workload-scheduling version (ADM-10b)', async () => {
    const v137 = await startSampleServer({ kubernetesVersion: '1.37', serveSchedulingAlpha: false });
    try {
      const client = await connect({ kubeconfig: v137.kubeconfig }, env);
      const listed = client.list('Workload');
      await expect(listed).rejects.toBeInstanceOf(ApiNotServedError);
      await expect(listed).rejects.toHaveProperty(
        'message',
        `the API server at ${v137.server.url} does not serve scheduling.k8s.io/v1beta1 (Workload, PodGroup): enable the feature gate GenericWorkload and --runtime-config=scheduling.k8s.io/v1beta1=true on kube-apiserver`,
      );
      expect(v137.server.requests.filter((r) => r.path.includes('v1alpha2'))).toEqual([]);
    } finally {
      await v137.server.close();
    }
    expect(schedulingReadVersion(['v1', 'v1alpha3'], '1.37')).toBe('v1alpha3');
    expect(schedulingReadVersion(['v1'], '1.37')).toBe('v1beta1');
    expect(schedulingReadVersion(['v1'], undefined)).toBe('v1alpha2');
  });

  it('remembers discovery per client: after an in-place upgrade only a fresh one reads v1beta1', async () => {
    const upgrading = await startSampleServer({ kubernetesVersion: '1.36' });
    try {
      const client = await connect({ kubeconfig: upgrading.kubeconfig }, env);
      expect(await client.schedulingVersion()).toBe('v1alpha2');
      upgrading.server.upgradeTo('1.37');
      expect([await client.schedulingVersion(), await client.kubeVersion()]).toEqual(['v1alpha2', '1.36']);
      const fresh = client.withFreshDiscovery();
      expect([await fresh.schedulingVersion(), await fresh.kubeVersion()]).toEqual(['v1beta1', '1.37']);
      await fresh.list('PodGroup');
      expect(upgrading.server.requests.filter((r) => r.verb === 'list').map((r) => r.path)).toEqual([
        '/apis/scheduling.k8s.io/v1beta1/namespaces/default/podgroups',
      ]);
      // Discovery that fails says no version (a caller keeps what it had), not the v1alpha2 default.
      await upgrading.server.close();
      expect(await client.withFreshDiscovery().schedulingVersion()).toBeUndefined();
    } finally {
      await upgrading.server.close();
    }
  });

  it('falls back to /version when no workload-scheduling version is served', async () => {
    const v137 = await startSampleServer({ kubernetesVersion: '1.37', serveSchedulingAlpha: false });
    try {
      const client = await connect({ kubeconfig: v137.kubeconfig }, env);
      expect(await client.kubeVersion()).toBe('1.37');
      expect(v137.server.requests.map((r) => r.path)).toContain('/version');
    } finally {
      await v137.server.close();
    }
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('errors a person can act on', () => {
  const messageOf = async (promise: Promise<unknown>): Promise<ClusterAccessError> => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClusterAccessError);
    return err as ClusterAccessError;
  };

  it('401: names the server and says the credentials were rejected', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig, token: 'wrong' }, env);
    const err = await messageOf(client.list('Pod'));
    expect(err.message).toContain(`the API server at ${fixture.server.url} rejected the credentials (401 Unauthorized)`);
  });

  it('unreachable server: names the URL', async () => {
    const url = `https://127.0.0.1:${await closedPort()}`;
    const client = await connect({ server: url, token: 't', insecureSkipTlsVerify: true }, env);
    const err = await messageOf(client.list('Pod'));
    expect(err.message).toBe(
      `cannot reach the API server at ${url}: connection refused; check --server / the kubeconfig cluster, and that the cluster is running`,
    );
  });

  it('untrusted certificate: points at the CA settings', async () => {
    const client = await connect({ server: fixture.server.url, token: fixture.server.token }, env);
    const err = await messageOf(client.list('Pod'));
    expect(err.message).toMatch(
      new RegExp(`^cannot verify the API server's certificate at ${fixture.server.url} .*--certificate-authority`),
    );
  });

  it('scheduling.k8s.io/v1alpha2 not served: says which gate and runtime-config to enable', async () => {
    fixture.server.setSchedulingAlphaServed(false);
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    const err = await messageOf(client.list('PodGroup'));
    expect(err).toBeInstanceOf(ApiNotServedError);
    expect(err.message).toBe(
      `the API server at ${fixture.server.url} does not serve scheduling.k8s.io/v1alpha2 (Workload, PodGroup): enable the feature gate GenericWorkload and --runtime-config=scheduling.k8s.io/v1alpha2=true on kube-apiserver`,
    );
  });

  it('forbidden: names the verb, the resource and the namespace', async () => {
    fixture.server.forbid({ resource: 'podgroups', group: 'scheduling.k8s.io', verb: 'list', namespace: 'team-a' });
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    const err = await messageOf(client.list('PodGroup'));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toBe(
      'forbidden: you may not list podgroups.scheduling.k8s.io in namespace "team-a"; ask for RBAC permission to list "podgroups.scheduling.k8s.io" ' +
        '(server said: podgroups.scheduling.k8s.io is forbidden: User "test-user" cannot list resource "podgroups" in API group "scheduling.k8s.io" in the namespace "team-a")',
    );
  });

  it('forbidden while impersonating (--as) names the impersonated user', async () => {
    fixture.server.forbid({ resource: 'nodes', verb: 'list' });
    const client = await connect({ kubeconfig: fixture.kubeconfig, as: 'alice' }, env);
    const err = await messageOf(client.list('Node'));
    expect(err.message).toContain(
      'at the cluster scope; ask for RBAC permission to list "nodes" (server said: nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope)',
    );
    expect(fixture.server.requests.map((r) => r.user)).toEqual(['alice']);
  });

  it('not found: suggests close names', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    const err = await messageOf(client.get('PodGroup', 'training-worker'));
    expect(err.message).toBe(
      'podgroups.scheduling.k8s.io "training-worker" not found in namespace "team-a"; did you mean "training-workers"?',
    );
    const far = await messageOf(client.get('PodGroup', 'zzz'));
    expect(far.message).toBe('podgroups.scheduling.k8s.io "zzz" not found in namespace "team-a"');
  });

  it('--request-timeout: says the server did not answer in time', async () => {
    fixture.server.latencyMs = 500;
    const client = await connect({ kubeconfig: fixture.kubeconfig, requestTimeout: '100ms' }, env);
    const err = await messageOf(client.list('Pod'));
    expect(err.message).toBe(`the API server at ${fixture.server.url} did not answer within 0.1s (--request-timeout)`);
  });
});

describe('events for explain', () => {
  it('lists the events of one object with a field selector', async () => {
    const client = await connect({ kubeconfig: fixture.kubeconfig }, env);
    const events = await client.list('Event', { fieldSelector: 'involvedObject.kind=Pod,involvedObject.name=training-3' });
    expect(events.map((e) => [e.reason, e.message, e.source?.component])).toEqual([
      ['FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.', 'default-scheduler'],
    ]);
    expect(await client.list('Event', { fieldSelector: 'involvedObject.name=training-0' })).toEqual([]);
  });
});
