// `kubectl workload simulate` on a live cluster (real kubectl, the plugin found on PATH, the test API
// server) against the same objects as a --snapshot: identical JSON. A snapshot taken with
// `kubectl workload snapshot` carries the recent events, so `explain --snapshot` shows what live
// explain shows. Only GET requests reach the server. Needs `npm run build`.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile, type KubeObject } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/cluster-snapshot.yaml', import.meta.url);

let server: TestApiServer;
let home: string;
let kubeconfig: string;
let snapshotFile: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'cluster-snapshot.yaml');
  server = await TestApiServer.start({ objects });
  home = await mkdtemp(join(tmpdir(), 'simulate-live-e2e-'));
  // The context's namespace is research: simulate must still report every namespace unless -n says otherwise.
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, namespace: 'research', dir: home });
  snapshotFile = join(home, 'objects.json');
  await writeFile(snapshotFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
});
afterAll(() => server.close());

const env = () => kubectlEnv(home, kubeconfig);
const live = (...args: string[]): Promise<RunResult> => run('kubectl', ['workload', ...args], env());
/** The same command on a snapshot, with no cluster reachable. */
const offline = (snapshot: string, ...args: string[]): Promise<RunResult> =>
  run('kubectl', ['workload', ...args, '--snapshot', snapshot], kubectlEnv(home));

interface Report {
  podGroups: { namespace: string; name: string; outcome: string }[];
  pods: { namespace: string; name: string; outcome: string }[];
  summary: Record<string, number>;
}

describe('kubectl workload simulate on a live cluster', () => {
  it('gives the same JSON live as on a --snapshot of the same objects, over every namespace', async () => {
    const [a, b] = await Promise.all([live('simulate', '-o', 'json'), offline(snapshotFile, 'simulate', '-o', 'json')]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(b).toEqual(a);
    const report = JSON.parse(a.stdout) as Report;
    expect(report.podGroups.map((g) => `${g.namespace}/${g.name}:${g.outcome}`)).toEqual([
      'default/llm-train-workers:Unschedulable',
      'research/eval-sweep-86f574f4b7-eval-sweep-pgt-0-67869d7bbd:Gated',
      'default/notebook-group:Gated',
    ]);
    expect(report.summary).toEqual({ Scheduled: 0, Unschedulable: 8, Gated: 3, Preempted: 0 });
  });

  it('-n narrows the report, not the simulation; the text output is identical too', async () => {
    const [a, b] = await Promise.all([
      live('simulate', '-n', 'research', '-o', 'json'),
      offline(snapshotFile, 'simulate', '-n', 'research', '-o', 'json'),
    ]);
    expect(b).toEqual(a);
    const report = JSON.parse(a.stdout) as Report;
    expect(report.pods.map((p) => p.name)).toEqual(['eval-sweep-0-q9z0', 'eval-sweep-1-q9z1']);
    expect(report.summary).toEqual({ Scheduled: 0, Unschedulable: 0, Gated: 2, Preempted: 0 });
    const [text, textOffline] = await Promise.all([
      live('simulate', '--no-preemption'),
      offline(snapshotFile, 'simulate', '--no-preemption'),
    ]);
    expect(textOffline).toEqual(text);
    expect(text.stdout).toContain('PodGroup default/llm-train-workers (gang, minCount 8): Unschedulable - 0/3 placements are available');
  });

  it('a snapshot taken by `kubectl workload snapshot` simulates and explains like the cluster, events included', async () => {
    const taken = await live('snapshot', '-A');
    expect(taken.code).toBe(0);
    const captured = join(home, 'captured.yaml');
    await writeFile(captured, taken.stdout);
    const events = parseObjectsFile(taken.stdout, captured).filter((o: KubeObject) => o.kind === 'Event');
    expect(events).toHaveLength(8);
    const [sim, simOffline] = await Promise.all([live('simulate', '-o', 'json'), offline(captured, 'simulate', '-o', 'json')]);
    expect(simOffline).toEqual(sim);
    // explain resolves its target in the namespace of -n / the context; the snapshot has no context.
    const [why, whyOffline] = await Promise.all([
      live('explain', 'llm-train-workers', '-n', 'default', '-o', 'json'),
      offline(captured, 'explain', 'llm-train-workers', '-n', 'default', '-o', 'json'),
    ]);
    expect(whyOffline).toEqual(why);
    const doc = JSON.parse(whyOffline.stdout) as { live: { events: { object: string; reason: string }[] } };
    expect(doc.live.events).toHaveLength(8);
    expect(doc.live.events[0]).toMatchObject({ object: 'Pod/llm-train-worker-0', reason: 'FailedScheduling' });
  });

  it('reports a cluster it cannot reach with exit code 2, naming the server', async () => {
    const down = await run(
      'kubectl',
      ['workload', 'simulate', '--server', 'https://127.0.0.1:1', '--insecure-skip-tls-verify'],
      kubectlEnv(home),
    );
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^error: cannot reach the API server at https:\/\/127\.0\.0\.1:1/);
    expect(down.stderr).not.toMatch(/\n\s+at /);
  });

  it('sent only GET requests (list, get, watch), never a write', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.writes()).toEqual([]);
    const verbs = new Set(server.requests.map((r) => r.verb).filter((v) => v !== undefined));
    expect([...verbs].every((v) => v === 'list' || v === 'get' || v === 'watch')).toBe(true);
  });
});
