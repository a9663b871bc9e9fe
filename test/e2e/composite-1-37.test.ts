// status, diff and explain on a 1.37 cluster with a CompositePodGroup hierarchy (issue 14 §3),
// through real kubectl against the test API server serving v1beta1 and v1alpha3.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig } from '@kubectl-workload/test';

const FIXTURE = new URL('../fixtures/cluster-1-37/composite.yaml', import.meta.url);

let server: TestApiServer;
let home: string;
let kubeconfig: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(FIXTURE, 'utf8'), 'composite.yaml');
  server = await TestApiServer.start({ objects, kubernetesVersion: '1.37' });
  home = await mkdtemp(join(tmpdir(), 'composite-1-37-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
});
afterAll(() => server.close());

const workload = (...args: string[]) => run('kubectl', ['workload', ...args], kubectlEnv(home, kubeconfig));

describe('status on a 1.37 cluster with CompositePodGroups', () => {
  it('lists the hierarchy parent first, kinds in the names, PARENT with -o wide', async () => {
    const result = await workload('status', '-o', 'wide', '--no-headers');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/\s{2,}/));
    // NAME, WORKLOAD/TEMPLATE, MIN, PODS, SCHEDULED, PARENT, DISRUPTION
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[7], r[10]].join(' '))).toEqual([
      'compositepodgroup/retiring train/job 2 0/1 <none> <none> all',
      'podgroup/late train/leader 1 0/1 <none> retiring single',
      'podgroup/stray train/workers 3 0/3 <none> gone single',
      'compositepodgroup/train-job train/job 1 3/3 <none> <none> all',
      'podgroup/train-leader train/leader 1 1/1 True/Scheduled train-job single',
      'podgroup/train-workers train/workers 2 2/2 True/Scheduled train-job single',
    ]);
  });

  it('carries kind and parent in the JSON document', async () => {
    const result = await workload('status', 'train-job', 'train-workers', '-o', 'json');
    const items = (JSON.parse(result.stdout) as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((i) => [i.kind, i.name, i.parent, i.minCount, i.disruptionMode])).toEqual([
      ['CompositePodGroup', 'train-job', null, 1, 'all'],
      ['PodGroup', 'train-workers', 'train-job', 2, 'single'],
    ]);
    expect(items[1]?.scheduled).toEqual({ status: 'True', reason: 'Scheduled', message: '' });
  });

  it('read CompositePodGroups through v1alpha3 and PodGroups through v1beta1, with GET requests only', () => {
    const paths = server.requests.map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/apis/scheduling.k8s.io/v1alpha3/') && p.includes('/compositepodgroups'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/apis/scheduling.k8s.io/v1beta1/') && p.includes('/podgroups'))).toBe(true);
    expect(server.writes()).toEqual([]);
  });
});
