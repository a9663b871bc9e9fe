// status, diff and explain against a Kubernetes 1.37 API server (issue 14 §3): the test API server
// serves Workload and PodGroup as v1beta1 and v1alpha3 only, and the plugin finds that through
// discovery instead of asking for v1alpha2, through real kubectl.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile } from '@kubectl-workload/api';
import { TestApiServer, asV1beta1, kubectlEnv, run, writeKubeconfig } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/cluster-snapshot.yaml', import.meta.url);

let server: TestApiServer;
let home: string;
let kubeconfig: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'cluster-snapshot.yaml').map(asV1beta1);
  server = await TestApiServer.start({ objects, kubernetesVersion: '1.37' });
  home = await mkdtemp(join(tmpdir(), 'cluster-1-37-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
});
afterAll(() => server.close());

const workload = (...args: string[]) => run('kubectl', ['workload', ...args], kubectlEnv(home, kubeconfig));

describe('the plugin on a 1.37 cluster', () => {
  it('status lists the v1beta1 PodGroups with their pods', async () => {
    const result = await workload('status', '-A', '-o', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const items = (
      JSON.parse(result.stdout) as {
        items: Array<{
          namespace: string;
          name: string;
          workload: { name: string; template: string } | null;
          pods: { scheduled: number; total: number };
        }>;
      }
    ).items;
    expect(
      items.map(
        (i) =>
          `${i.namespace}/${i.name} ${i.workload ? `${i.workload.name}/${i.workload.template}` : '-'} ${i.pods.scheduled}/${i.pods.total}`,
      ),
    ).toEqual([
      'default/inference-replicas inference/replicas 3/3',
      'default/llm-train-workers llm-train/workers 0/8',
      'default/old-run-workers old-run/workers 2/2',
      'research/eval-sweep-86f574f4b7-eval-sweep-pgt-0-67869d7bbd eval-sweep-86f574f4b7/eval-sweep-pgt-0 0/2',
    ]);
  });

  it('explain finds a v1beta1 PodGroup and its pods', async () => {
    const result = await workload('explain', 'podgroup/llm-train-workers', '-o', 'json');
    const doc = JSON.parse(result.stdout) as {
      target: { kind: string; name: string };
      links: Array<{ link: string; status: string; summary: string }>;
    };
    expect(doc.target).toMatchObject({ kind: 'PodGroup', name: 'llm-train-workers' });
    expect(doc.links.find((l) => l.link === 'pods')).toMatchObject({ status: 'ok', summary: '8 pods name the PodGroup (minCount 8)' });
    expect(doc.links.find((l) => l.link === 'workload')?.summary).toContain('llm-train');
    // The cluster serves scheduling.k8s.io/v1beta1: explain models the 1.37 cycle (issue 15).
    const placement = (doc as unknown as { placement: { kubeVersion: string; notes: string[]; condition: { type: string } | null } })
      .placement;
    expect(placement.kubeVersion).toBe('1.37');
    expect(placement.condition?.type).toBe('PodGroupInitiallyScheduled');
    expect(placement.notes.join('\n')).not.toContain('simulated with the 1.36 PodGroup cycle');
  });

  it('simulate models the 1.37 cycle by default; --kube-version 1.36 says it used the 1.36 one', async () => {
    const v137 = JSON.parse((await workload('simulate', '-o', 'json')).stdout) as { schedulerVersion: string; notes: string[] };
    expect(v137.schedulerVersion).toBe('v1.37');
    expect(v137.notes.join('\n')).toContain('scheduler-1.37.md §3.4 AMBIGUOUS');
    const v136 = JSON.parse((await workload('simulate', '--kube-version', '1.36', '-o', 'json')).stdout) as {
      schedulerVersion: string;
      notes: string[];
    };
    expect(v136.schedulerVersion).toBe('v1.36');
    expect(v136.notes.join('\n')).toContain('simulated with the 1.36 PodGroup cycle');
  });

  it('asked only for v1beta1 and never for v1alpha2, with GET requests only', () => {
    const paths = server.requests.map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/apis/scheduling.k8s.io/v1beta1/'))).toBe(true);
    expect(paths.some((p) => p.includes('/v1alpha2'))).toBe(false);
    expect(server.writes()).toEqual([]);
  });
});
