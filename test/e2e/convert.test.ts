// `kubectl workload convert` through real kubectl: the v1alpha2 examples rewritten for 1.37, and
// --from-cluster against the test API server serving a 1.36 cluster (read-only: GET requests only).

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { parseObjectsFile, type KubeObject } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig } from '@kubectl-workload/test';

const REPO = new URL('../../', import.meta.url).pathname;
const EXAMPLE = join(REPO, 'examples/cluster-snapshot.yaml');

let server: TestApiServer;
let home: string;
let kubeconfig: string;

beforeAll(async () => {
  server = await TestApiServer.start({ objects: parseObjectsFile(await readFile(EXAMPLE, 'utf8'), EXAMPLE) });
  home = await mkdtemp(join(tmpdir(), 'convert-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
});
afterAll(() => server.close());

const env = () => kubectlEnv(home, kubeconfig);
const workload = (...args: string[]) => run('kubectl', ['workload', ...args], env());

function objectsOf(yaml: string): KubeObject[] {
  return parseAllDocuments(yaml).map((doc) => doc.toJS() as KubeObject);
}

describe('kubectl workload convert -f', () => {
  it('rewrites the example Workload and PodGroups to v1alpha3, leaving Pods and Jobs as they are', async () => {
    const result = await workload('convert', '-f', join(REPO, 'examples/workload/'), '--to', 'scheduling.k8s.io/v1alpha3');
    expect(result.code).toBe(0);
    const objects = objectsOf(result.stdout);
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual([
      'scheduling.k8s.io/v1alpha3 PodGroup',
      'scheduling.k8s.io/v1alpha3 PodGroup',
      'v1 Pod',
      'batch/v1 Job',
      'scheduling.k8s.io/v1alpha3 Workload',
    ]);
    expect(JSON.stringify(objects)).not.toContain('podGroupTemplateRef');
    expect(result.stdout).toContain('# A Workload with two pod group templates');
    expect(result.stderr).toMatch(/converted 3 of 3 v1alpha2 objects\n$/);
  });

  it('exits 1 and leaves the object as written when it needs a decision (WL-38)', async () => {
    const result = await workload('convert', '-f', EXAMPLE, '-o', 'json');
    expect(result.code).toBe(1);
    const list = JSON.parse(result.stdout) as { items: KubeObject[] };
    const train = list.items.find((o) => o.kind === 'Workload' && o.metadata?.name === 'llm-train');
    expect(train?.apiVersion).toBe('scheduling.k8s.io/v1alpha2');
    expect(result.stderr).toContain('Workload default/llm-train: needs a decision, left as v1alpha2:');
    expect(result.stderr).toContain('(WL-38)');
  });

  it('skips a Helm chart directory with a warning to convert what it renders', async () => {
    const chart = join(REPO, 'charts/workload-webhook');
    const result = await workload(
      'convert',
      '-f',
      chart,
      '-f',
      join(REPO, 'examples/workload/workload.yaml'),
      '--to',
      'scheduling.k8s.io/v1alpha3',
    );
    expect(result.stderr).toContain(
      `warning: ${chart} is a Helm chart, not manifests: skipped; convert what it renders: helm template ${chart} | kubectl workload convert -f -\n`,
    );
    expect(objectsOf(result.stdout).map((o) => `${o.apiVersion} ${o.kind}`)).toContain('scheduling.k8s.io/v1alpha3 Workload');
  });

  it('names a missing file', async () => {
    const missing = join(home, 'nope.yaml');
    const result = await workload('convert', '-f', missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${missing}: no such file or directory\n`);
  });
});

describe('convert then lint --kube-version 1.37', () => {
  it.each(['examples/workload/', 'examples/gang-training/', 'examples/changed/'])(
    '%s converts into manifests the 1.37 rules pass',
    async (example) => {
      const converted = await workload('convert', '-f', join(REPO, example));
      expect(converted.code).toBe(0);
      const file = join(home, `${example.replace(/\W/g, '-')}1.37.yaml`);
      await writeFile(file, converted.stdout);
      const linted = await workload('lint', '--kube-version', '1.37', '--fail-on', 'error', file);
      expect(linted.stdout).not.toMatch(/ error /);
      expect(linted.code).toBe(0);
    },
  );

  it('the unconverted examples are reported as not served by 1.37 (MIG-01)', async () => {
    const linted = await workload('lint', '--kube-version', '1.37', join(REPO, 'examples/workload/'));
    expect(linted.code).toBe(1);
    expect(linted.stdout.match(/error MIG-01/g)).toHaveLength(3);
    expect(linted.stdout).toContain('convert it with `kubectl workload convert`');
  });
});

describe('kubectl workload convert --from-cluster', () => {
  it('lists what to delete, writes the manifests in creation order and only reads the cluster', async () => {
    const dir = join(home, 'upgrade');
    const result = await workload('convert', '--from-cluster', '-d', dir);
    expect(result.code).toBe(1); // llm-train needs a decision, as in the file case
    expect(result.stdout).toContain(
      'kubectl delete podgroups.v1alpha2.scheduling.k8s.io -n default inference-replicas llm-train-workers old-run-workers',
    );
    expect(result.stdout).toContain('kubectl delete workloads.v1alpha2.scheduling.k8s.io -n research eval-sweep-86f574f4b7');
    expect(result.stdout).toContain('Remove GangScheduling and WorkloadAwarePreemption');
    expect(await readdir(dir)).toEqual(['01-workloads.yaml', '02-podgroups.yaml']);
    const podGroups = objectsOf(await readFile(join(dir, '02-podgroups.yaml'), 'utf8'));
    expect(podGroups.every((g) => g.apiVersion === 'scheduling.k8s.io/v1beta1' && g.metadata?.uid === undefined)).toBe(true);
    expect(server.writes()).toEqual([]);
    const verbs = new Set(server.requests.filter((r) => r.verb !== undefined).map((r) => r.verb));
    expect([...verbs].every((verb) => verb === 'list' || verb === 'get')).toBe(true);
  });

  it('refuses to run without an output directory', async () => {
    const result = await workload('convert', '--from-cluster');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: --from-cluster needs --output-dir DIR for the 1.37 manifests\n');
  });
});
