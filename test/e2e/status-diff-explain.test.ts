// status, diff, explain and shell completion through real kubectl (the plugin found on PATH)
// against the test API server, and the same commands on a --snapshot of the same objects: identical
// JSON, and the server saw only GET requests (list/get/watch). Needs `npm run build`.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { parseObjectsFile, type Pod, type PodGroup, type Workload } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig, type RunResult } from '@kubectl-workload/test';

const EXAMPLE = new URL('../../examples/cluster-snapshot.yaml', import.meta.url);

/** Broken links the example cluster lacks: mixed scheduler names and a vanished template. */
const EXTRA: (Workload | PodGroup | Pod)[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'Workload',
    metadata: { name: 'mixed', namespace: 'default' },
    spec: { podGroupTemplates: [{ name: 'g', schedulingPolicy: { gang: { minCount: 2 } } }] },
  },
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'mixed-g', namespace: 'default' },
    spec: {
      podGroupTemplateRef: { workload: { workloadName: 'mixed', podGroupTemplateName: 'g' } },
      schedulingPolicy: { gang: { minCount: 2 } },
    },
  },
  ...['default-scheduler', 'my-scheduler'].map(
    (schedulerName, i): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `mixed-${i}`, namespace: 'default' },
      spec: { schedulerName, schedulingGroup: { podGroupName: 'mixed-g' }, containers: [{ name: 'c', image: 'x' }] },
    }),
  ),
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'lost-template', namespace: 'default' },
    spec: {
      podGroupTemplateRef: { workload: { workloadName: 'inference', podGroupTemplateName: 'gone' } },
      schedulingPolicy: { basic: {} },
    },
  },
];

// The test server stamps a creationTimestamp on objects without one; a snapshot must hold the same.
const CREATED = '2026-11-23T11:00:00Z';
for (const obj of EXTRA) obj.metadata = { ...obj.metadata, creationTimestamp: CREATED };

let server: TestApiServer;
let home: string;
let kubeconfig: string;
let snapshotFile: string;

beforeAll(async () => {
  const objects = [...parseObjectsFile(await readFile(EXAMPLE, 'utf8'), 'cluster-snapshot.yaml'), ...EXTRA];
  server = await TestApiServer.start({ objects });
  home = await mkdtemp(join(tmpdir(), 'cluster-commands-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
  snapshotFile = join(home, 'snapshot.json');
  await writeFile(snapshotFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
});
afterAll(() => server.close());

const env = () => kubectlEnv(home, kubeconfig);

/** `kubectl workload ARGS` against the live test server. */
const live = (...args: string[]): Promise<RunResult> => run('kubectl', ['workload', ...args], env());
/** The same command on the snapshot of the same objects (no cluster reachable: a bogus kubeconfig). */
const offline = (...args: string[]): Promise<RunResult> =>
  run('kubectl', ['workload', ...args, '--snapshot', snapshotFile], kubectlEnv(home));

/** A table's trailing AGE cell: the two runs may straddle a second boundary (7m49s vs 7m50s). */
const withoutAge = (r: RunResult): RunResult => ({ ...r, stdout: r.stdout.replace(/(\s)(?:\d+[smhdy])+$/gm, '$1<age>') });

/** Runs live and on the snapshot; both must print the same (up to AGE) and exit alike. */
async function both(...args: string[]): Promise<RunResult> {
  const [a, b] = await Promise.all([live(...args), offline(...args)]);
  expect(withoutAge(b)).toEqual(withoutAge(a));
  return a;
}

interface Explanation {
  kind: string;
  target: { kind: string; namespace: string; name: string };
  links: { link: string; status: string; summary: string; details: string[]; fix?: string; refs: string[] }[];
  broken: { link: string; summary: string; fix: string; refs: string[] } | null;
  placement: {
    outcome: string;
    topology: { key: string; domains: { domain: string; podsFit: number; podsNeeded: number }[] } | null;
    hint: string | null;
  } | null;
  live: { condition: { status: string; reason: string } | null; agrees: boolean | null; events: unknown[] } | null;
}

async function explainJson(target: string, ...flags: string[]): Promise<{ result: RunResult; doc: Explanation }> {
  const result = await both('explain', target, '-o', 'json', ...flags);
  expect(result.stderr).toBe('');
  return { result, doc: JSON.parse(result.stdout) as Explanation };
}

describe('kubectl workload status', () => {
  it('prints the kubectl-style table for the context namespace, NAMESPACE only with -A', async () => {
    const table = await live('status', '--no-headers');
    expect(table.code).toBe(0);
    const rows = table.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s{3,}/));
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['inference-replicas', 'inference/replicas', 'Gang', '3', '3/3', 'True/Scheduled'],
      ['llm-train-workers', 'llm-train/workers', 'Gang', '8', '0/8', 'False/Unschedulable'],
      ['lost-template', 'inference/gone', 'Basic', '<none>', '0/0', '<none>'],
      ['mixed-g', 'mixed/g', 'Gang', '2', '0/2', '<none>'],
      ['old-run-workers', 'old-run/workers', 'Gang', '2', '2/2', 'True/Scheduled'],
    ]);
    const all = await live('get', '-A');
    expect(all.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+WORKLOAD\/TEMPLATE\s+POLICY\s+MIN\s+PODS\s+SCHEDULED\s+AGE$/);
    expect(all.stdout).toContain('research    eval-sweep-86f574f4b7-eval-sweep-pgt-0-67869d7bbd');
  });

  it('gives identical JSON live and from --snapshot, and YAML of the same document', async () => {
    const json = await both('status', '-A', '-o', 'json');
    const doc = JSON.parse(json.stdout) as { kind: string; items: { name: string; pods: unknown }[] };
    expect(doc.kind).toBe('PodGroupStatusList');
    expect(doc.items.find((i) => i.name === 'llm-train-workers')?.pods).toEqual({ scheduled: 0, total: 8 });
    const yaml = await both('status', '-A', '-o', 'yaml');
    expect(parse(yaml.stdout)).toEqual(doc);
  });

  it('filters by label selector and name, and reports a missing name with exit code 2', async () => {
    const none = await both('status', '-l', 'team=none');
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    const one = await both('status', 'mixed-g', '--no-headers');
    expect(one.stdout.startsWith('mixed-g ')).toBe(true);
    const missing = await both('status', 'nope');
    expect(missing).toMatchObject({ code: 2, stderr: 'error: podgroups.scheduling.k8s.io "nope" not found in namespace "default"\n' });
  });
});

describe('kubectl workload diff', () => {
  it('prints the drift as a unified diff and exits 1', async () => {
    const result = await both('diff', 'inference');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--- Workload/default/inference#podGroupTemplates[replicas]\n+++ PodGroup/default/inference-replicas');
    expect(result.stdout).toContain('-      minCount: 2\n');
    expect(result.stdout).toContain('+      minCount: 3\n');
    expect(result.stdout).toContain(
      '--- Workload/default/inference#podGroupTemplates[gone]\t(template "gone" not found in Workload "inference")',
    );
    const deleted = await both('diff', 'old-run');
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain('--- Workload/default/old-run#podGroupTemplates[workers]\t(Workload "old-run" not found)');
  });

  it('hands the two sides to KUBECTL_EXTERNAL_DIFF as directories, as kubectl diff does', async () => {
    const result = await run('kubectl', ['workload', 'diff', 'inference'], { ...env(), KUBECTL_EXTERNAL_DIFF: 'diff -u -N' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^--- \S+\/TEMPLATE\/scheduling\.k8s\.io\.v1alpha2\.PodGroup\.default\.inference-replicas\t/m);
    expect(result.stdout).toContain('-      minCount: 2\n+      minCount: 3\n');
  });

  it('exits 0 with no output when nothing drifted, and notes unused templates on stderr', async () => {
    const clean = await both('diff', '-n', 'research');
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const unused = await both('diff', 'llm-train');
    expect(unused).toEqual({
      code: 0,
      stdout: '',
      stderr: 'info: Workload/default/llm-train#podGroupTemplates[evaluator] has no PodGroup\n',
    });
  });

  it('-o json lists differences, orphans and unused templates; unknown Workload exits 2', async () => {
    const result = await both('diff', '-o', 'json');
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as {
      drift: boolean;
      orphans: { podGroup: string; reason: string }[];
      templates: { template: string; podGroups: { name: string; differences: { field: string }[] }[] }[];
    };
    expect(doc.drift).toBe(true);
    expect(doc.orphans.map((o) => [o.podGroup, o.reason])).toEqual([
      ['lost-template', 'TemplateNotFound'],
      ['old-run-workers', 'WorkloadNotFound'],
    ]);
    const replicas = doc.templates.find((t) => t.template === 'replicas');
    expect(replicas?.podGroups[0]?.differences.map((d) => d.field)).toEqual(['schedulingPolicy', 'priorityClassName']);
    const unknown = await both('diff', 'nope');
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: workloads.scheduling.k8s.io "nope" not found in namespace "default"\n',
    });
  });
});

describe('kubectl workload explain', () => {
  it('Job that does not qualify for gang scheduling (JOB-02): a warning while its pods run, exit 0 (issue 18 item 3)', async () => {
    const { result, doc } = await explainJson('job/etl-batch');
    expect(result.code).toBe(0);
    expect(doc.broken).toBeNull();
    expect(doc.links.map((l) => `${l.link}:${l.status}`)).toEqual(['job:warning']);
    expect(doc.links[0]?.details).toContain('JOB-02: spec.completionMode is "NonIndexed" (it must be "Indexed")');
    const pod = await both('explain', 'pod/etl-batch-0-x7k20');
    expect(pod.code).toBe(0);
    expect(pod.stdout).toContain('Warning: job\n');
  });

  it('Workload gone (X-22) and template gone (X-03)', async () => {
    expect((await explainJson('old-run-workers')).doc.broken?.summary).toBe(
      'PodGroup default/old-run-workers references Workload "old-run", which does not exist',
    );
    expect((await explainJson('podgroup/lost-template')).doc.broken?.summary).toBe(
      'Workload default/inference has no template "gone" (it has: replicas)',
    );
  });

  it('PodGroup missing: what the scheduler leaves silent (#141900)', async () => {
    const pod = (await explainJson('pod/notebook-0')).doc;
    expect(pod.broken?.link).toBe('podgroup');
    expect(pod.broken?.refs).toContain('kubernetes/kubernetes#141900');
    const workload = (await explainJson('workload/llm-train')).doc;
    expect(workload.broken?.summary).toMatch(/^no PodGroup was made from template "evaluator"/);
  });

  it('fewer than minCount pods, and who should create the rest', async () => {
    const { doc } = await explainJson('job/eval-sweep', '-n', 'research');
    expect(doc.links.map((l) => `${l.link}:${l.status}`)).toEqual(['job:ok', 'workload:ok', 'podgroup:ok', 'pods:broken']);
    expect(doc.broken?.summary).toMatch(/^2 of minCount 4 pods exist/);
    expect(doc.broken?.fix).toMatch(/^Job research\/eval-sweep should create 2 more/);
    expect(doc.links[0]?.details[0]).toMatch(/spec.parallelism is locked/);
  });

  it('schedulerName mismatch (X-09) and a PodGroup drifted from its template (X-10, X-14)', async () => {
    expect((await explainJson('mixed-g')).doc.broken?.summary).toBe(
      'all pods in a single pod group should have the same .spec.schedulerName set, got: "default-scheduler" and "my-scheduler"',
    );
    // A running gang that drifted is a warning, not a broken link (issue 18 item 3).
    const { result, doc: drift } = await explainJson('inference-replicas');
    expect(result.code).toBe(0);
    expect(drift.broken).toBeNull();
    expect(drift.links.find((l) => l.link === 'template')).toMatchObject({ status: 'warning', refs: ['X-10', 'X-14'] });
  });

  it('simulates a gang that fits no rack: per-domain table, hint, live condition and events beside it', async () => {
    const { doc } = await explainJson('llm-train-workers');
    expect(doc.broken?.link).toBe('placement');
    expect(doc.placement?.outcome).toBe('Unschedulable');
    expect(doc.placement?.topology?.domains.map((d) => [d.domain, d.podsFit, d.podsNeeded])).toEqual([
      ['rack-a', 5, 8],
      ['rack-b', 2, 8],
      ['rack-c', 2, 8],
    ]);
    expect(doc.placement?.hint).toBe(
      'largest rack rack-a fits 5 of 8 pods; 3 more nodes in rack-a with 4 cpu, 16Gi memory, 1 nvidia.com/gpu free each would do',
    );
    expect(doc.live).toMatchObject({ condition: { status: 'False', reason: 'Unschedulable' }, agrees: true });
    expect(doc.live?.events).toHaveLength(8);
  });

  it('-A finds the target in the namespace that holds it (issue 18 item 4)', async () => {
    const all = await live('explain', 'job/eval-sweep', '-A', '-o', 'json');
    expect((JSON.parse(all.stdout) as Explanation).target).toEqual({ kind: 'Job', namespace: 'research', name: 'eval-sweep' });
  });

  it('without -A, names the namespace that holds a target (issue 18 item 4)', async () => {
    expect((await offline('explain', 'eval-sweep')).stderr).toBe(
      'error: no PodGroup, Pod, Job, Workload or CompositePodGroup named "eval-sweep" in namespace "default"; it exists in namespace "research" (use -n research)\n',
    );
  });

  it('status and diff suggest close names, as explain does (issue 18 item 4)', async () => {
    const [status, diff] = await Promise.all([offline('status', 'llm-train-worker'), offline('diff', 'inferenc')]);
    expect(status.stderr).toBe(
      'error: podgroups.scheduling.k8s.io "llm-train-worker" not found in namespace "default"; did you mean "llm-train-workers"?\n',
    );
    expect(diff.stderr).toBe('error: workloads.scheduling.k8s.io "inferenc" not found in namespace "default"; did you mean "inference"?\n');
  });

  it('-o yaml prints the -o json document as plain YAML, no anchors or aliases (issue 18 item 5)', async () => {
    const [yaml, json] = await Promise.all([
      offline('explain', 'inference-replicas', '-o', 'yaml'),
      offline('explain', 'inference-replicas', '-o', 'json'),
    ]);
    expect(yaml.stdout).not.toMatch(/[&*]a\d+\b/);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('prints the chain as text (alias why), and a clear error for an unknown target', async () => {
    const text = await both('why', 'pod/notebook-0');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('✗ podgroup        PodGroup default/notebook-group does not exist');
    expect(text.stdout).toContain('Fix: create PodGroup default/notebook-group');
    const unknown = await both('explain', 'llm-train-worker');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'error: no PodGroup, Pod, Job, Workload or CompositePodGroup named "llm-train-worker" in namespace "default"; did you mean "llm-train-workers" or "llm-train-worker-0" or "llm-train-worker-1"?\n',
    );
  });
});

describe('completion (kubectl ≥ 1.26 calls kubectl_complete-workload)', () => {
  const complete = (...words: string[]) => run('kubectl', ['__complete', 'workload', ...words], env());
  const candidates = (r: RunResult) => r.stdout.trim().split('\n');

  it('completes subcommands and flags with the Cobra directive', async () => {
    const commands = candidates(await complete('st'));
    expect(commands).toEqual([
      'status\tPodGroups (and 1.37 CompositePodGroups, as a tree) with template, policy, minCount, pods scheduled/total and the scheduling condition',
      ':4',
    ]);
    expect(candidates(await complete('diff', '--all'))).toEqual(['--all-namespaces\tAll namespaces', ':4']);
    expect(candidates(await complete('explain', '-o', ''))).toEqual(['text', 'wide', 'json', 'yaml', ':4']);
  });

  it('completes namespaces and object names from the cluster, and from --snapshot alike', async () => {
    expect(candidates(await complete('status', '-n', ''))).toEqual(['default', 'research', ':4']);
    expect(candidates(await complete('diff', 'in'))).toEqual(['inference', ':4']);
    expect(candidates(await complete('explain', 'job/'))).toEqual(['job/etl-batch', ':4']);
    const fromSnapshot = await run('kubectl', ['__complete', 'workload', 'explain', '--snapshot', snapshotFile, 'job/'], kubectlEnv(home));
    expect(candidates(fromSnapshot)).toEqual(['job/etl-batch', ':4']);
  });

  it('completes --context, --cluster and --user from the kubeconfig in effect: KUBECONFIG merged, or --kubeconfig', async () => {
    const staging = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, contextName: 'staging' });
    const merged = { ...env(), KUBECONFIG: [kubeconfig, staging].join(delimiter) };
    const completeMerged = (...words: string[]) => run('kubectl', ['__complete', 'workload', ...words], merged);
    expect(candidates(await completeMerged('status', '--context', ''))).toEqual(['staging', 'test', ':4']);
    expect(candidates(await completeMerged('diff', '--cluster', 'te'))).toEqual(['test-cluster', ':4']);
    expect(candidates(await completeMerged('explain', '--user=test'))).toEqual(['--user=test-user', ':4']);
    expect(candidates(await completeMerged('simulate', '--kubeconfig', staging, '--context', ''))).toEqual(['staging', ':4']);
  });
});

describe('read-only by construction', () => {
  it('sent only GET requests (list, get, watch) to the API server', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.writes()).toEqual([]);
    const verbs = new Set(server.requests.filter((r) => r.verb !== undefined).map((r) => r.verb));
    expect([...verbs].every((v) => v === 'list' || v === 'get' || v === 'watch')).toBe(true);
  });
});
