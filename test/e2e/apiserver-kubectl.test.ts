// The test API server is a Kubernetes API server real kubectl accepts: discovery, Table output for
// `kubectl get`, JSON lists, Status errors, RBAC denials and the scheduling.k8s.io/v1alpha2 switch.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApiServer, pinnedKubectlPath, run, sampleClusterObjects, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

let server: TestApiServer;
let env: NodeJS.ProcessEnv;

async function kubectlEnv(api: TestApiServer): Promise<NodeJS.ProcessEnv> {
  const home = await mkdtemp(join(tmpdir(), 'apiserver-kubectl-'));
  const kubeconfig = await writeKubeconfig({ server: api.url, caData: api.caData, token: api.token, namespace: 'team-a', dir: home });
  // A fresh HOME and cache dir: kubectl caches discovery per server for hours.
  return { KUBECONFIG: kubeconfig, HOME: home, KUBECACHEDIR: join(home, 'cache') };
}

const kubectl = (args: string[], extra: NodeJS.ProcessEnv = env): Promise<RunResult> => run(pinnedKubectlPath(), args, extra);

beforeAll(async () => {
  server = await TestApiServer.start({ objects: sampleClusterObjects() });
  env = await kubectlEnv(server);
});
afterAll(() => server.close());

describe('real kubectl against the test API server', () => {
  it('kubectl get pods,podgroups.scheduling.k8s.io -A prints both tables with namespaces', async () => {
    const result = await kubectl(['get', 'pods,podgroups.scheduling.k8s.io', '-A']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').map((l) => l.trim().split(/\s+/));
    expect(lines[0]).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(lines.filter((l) => l[1]?.startsWith('pod/')).map((l) => `${l[0]} ${l[1]} ${l[3]}`)).toEqual([
      'team-a pod/training-0 Running',
      'team-a pod/training-1 Running',
      'team-a pod/training-2 Running',
      'team-a pod/training-3 Pending',
    ]);
    expect(lines.filter((l) => l[1]?.startsWith('podgroup.')).map((l) => `${l[0]} ${l[1]}`)).toEqual([
      'team-a podgroup.scheduling.k8s.io/training-workers',
      'team-b podgroup.scheduling.k8s.io/inference',
    ]);
  });

  it('kubectl get podgroups.scheduling.k8s.io -o json returns the objects of the context namespace', async () => {
    const result = await kubectl(['get', 'podgroups.scheduling.k8s.io', '-o', 'json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as {
      kind: string;
      items: Array<{ apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec: unknown }>;
    };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => [i.apiVersion, i.kind, i.metadata.namespace, i.metadata.name])).toEqual([
      ['scheduling.k8s.io/v1alpha2', 'PodGroup', 'team-a', 'training-workers'],
    ]);
    expect(list.items[0]?.spec).toEqual({
      podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'workers' } },
      schedulingPolicy: { gang: { minCount: 4 } },
    });
  });

  it('label and field selectors work through kubectl', async () => {
    const result = await kubectl(['get', 'pods', '-l', 'app in (training)', '--field-selector', 'spec.nodeName=node-2', '-o', 'name']);
    expect(result.stdout).toBe('pod/training-2\n');
  });

  it('not found uses the real message', async () => {
    const result = await kubectl(['get', 'podgroup', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error from server (NotFound): podgroups.scheduling.k8s.io "nope" not found\n');
  });

  it('forbidden uses the real message', async () => {
    server.forbid({ resource: 'podgroups', group: 'scheduling.k8s.io', verb: 'list', namespace: 'team-a' });
    try {
      const result = await kubectl(['get', 'podgroups']);
      expect(result.stderr).toBe(
        'Error from server (Forbidden): podgroups.scheduling.k8s.io is forbidden: User "test-user" cannot list resource "podgroups" in API group "scheduling.k8s.io" in the namespace "team-a"\n',
      );
    } finally {
      server.allowAll();
    }
  });

  it('a wrong token is refused with 401', async () => {
    const result = await kubectl(['get', 'pods', '--token', 'wrong']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: You must be logged in to the server (Unauthorized)');
  });

  it('kubectl only sent GET requests', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.writes()).toEqual([]);
  });

  it('without scheduling.k8s.io/v1alpha2, kubectl does not know the resource', async () => {
    const off = await TestApiServer.start({ objects: sampleClusterObjects(), serveSchedulingAlpha: false });
    try {
      const result = await kubectl(['get', 'podgroups.scheduling.k8s.io', '-A'], await kubectlEnv(off));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the server doesn't have a resource type "podgroups"`);
    } finally {
      await off.close();
    }
  });
});

describe('kubectl paging', () => {
  it('kubectl get --chunk-size follows continue tokens through Table pages', async () => {
    const result = await kubectl(['get', 'pods', '-n', 'team-a', '--chunk-size', '2', '-o', 'name']);
    expect(result.stdout).toBe('pod/training-0\npod/training-1\npod/training-2\npod/training-3\n');
    const table = await kubectl(['get', 'pods', '-n', 'team-a', '--chunk-size', '3', '--no-headers']);
    expect(table.stdout.split('\n').filter((l) => l !== '').length).toBe(4);
  });
});

describe('real kubectl against the test API server speaking 1.37', () => {
  let v137: TestApiServer;
  let env137: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const objects = [
      {
        apiVersion: 'scheduling.k8s.io/v1beta1',
        kind: 'PodGroup',
        metadata: { name: 'workers', namespace: 'team-a' },
        spec: { workloadRef: { workloadName: 'train', templateName: 'workers' } },
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'CompositePodGroup',
        metadata: { name: 'train', namespace: 'team-a' },
        spec: { workloadRef: { workloadName: 'train', templateName: 'all' } },
      },
    ];
    v137 = await TestApiServer.start({ objects, kubernetesVersion: '1.37' });
    env137 = await kubectlEnv(v137);
  });
  afterAll(() => v137.close());

  it('kubectl api-versions lists v1beta1 and v1alpha3, not v1alpha2', async () => {
    const result = await kubectl(['api-versions'], env137);
    expect(result.code).toBe(0);
    const versions = result.stdout.split('\n').filter((v) => v.startsWith('scheduling.k8s.io/'));
    expect(versions.sort()).toEqual(['scheduling.k8s.io/v1', 'scheduling.k8s.io/v1alpha3', 'scheduling.k8s.io/v1beta1']);
  });

  it('kubectl gets one PodGroup in either version, and CompositePodGroups', async () => {
    for (const version of ['v1beta1', 'v1alpha3']) {
      const result = await kubectl(
        ['get', `podgroups.${version}.scheduling.k8s.io`, 'workers', '-o', 'jsonpath={.apiVersion} {.spec.workloadRef.templateName}'],
        env137,
      );
      expect(result.stdout).toBe(`scheduling.k8s.io/${version} workers`);
    }
    const composite = await kubectl(['get', 'compositepodgroups', '-o', 'name'], env137);
    expect(composite.stdout).toBe('compositepodgroup.scheduling.k8s.io/train\n');
  });
});
