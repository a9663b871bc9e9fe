// `kubectl workload lint` throughput, whole process (target ≥ 15,000 resources/s on 2 cores;
// kubeconform publishes ≈7,500/s). Run with the repo's Node 24 after `npm run build`:
//   node test/bench/lint/lint-bench.ts [resources=50000] [namespaces=500]
// Generates a corpus of mixed kinds in multi-document files (1 in 50 objects broken, a few List
// files) spread over `namespaces` (cross-object rules compare objects within one namespace, so fewer,
// larger namespaces cost more), then times, each as a fresh process:
//   - baseline: `node` reading every file and parsing it with js-yaml (what lint parses with);
//   - `kubectl-workload lint DIR -o json`.
// (median of 5, the two interleaved).
// Prints resources/s for both and the ratio lint / parse-only.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'node_modules/.bin/kubectl-workload');
const NODE = join(ROOT, 'node_modules/.bin/node');
const TOTAL = Number(process.argv[2] ?? 50_000);
const NAMESPACES = Number(process.argv[3] ?? 500);
const PER_FILE = 250;
const RUNS = 5;

/** apiVersion, kind and metadata of resource `i`: each block of six (one per kind) shares a namespace. */
function header(apiVersion: string, kind: string, name: string, i: number): string {
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: ${name}
  namespace: team-${Math.floor(i / KINDS.length) % NAMESPACES}
`;
}

function workload(i: number, broken: boolean): string {
  return `${header('scheduling.k8s.io/v1alpha2', 'Workload', `train-${i}`, i)}spec:
  podGroupTemplates:${
    broken
      ? ' []'
      : `
    - name: driver
      schedulingPolicy:
        basic: {}
    - name: workers
      schedulingPolicy:
        gang:
          minCount: 4`
  }
`;
}

function podGroup(i: number, broken: boolean): string {
  return `${header('scheduling.k8s.io/v1alpha2', 'PodGroup', `train-${i}-workers`, i)}spec:
  podGroupTemplateRef:
    workload:
      workloadName: train-${i - 1}
      podGroupTemplateName: workers
  schedulingPolicy:
    gang:
      minCount: ${broken ? 0 : 4}
`;
}

function container(indent: string): string {
  return `${indent}containers:
${indent}  - name: main
${indent}    image: registry.example.com/ml/trainer:2.4.1
${indent}    args: ["--epochs", "10"]
${indent}    resources:
${indent}      requests:
${indent}        cpu: "4"
${indent}        memory: 16Gi
${indent}        nvidia.com/gpu: "1"
${indent}      limits:
${indent}        nvidia.com/gpu: "1"
`;
}

function pod(i: number, broken: boolean): string {
  return `${header('v1', 'Pod', `train-${i}-worker`, i)}spec:
  schedulingGroup:
    podGroupName: ${broken ? 'Bad_Name' : `train-${i - 1}-workers`}
  restartPolicy: Never
${container('  ')}`;
}

function job(i: number): string {
  return `${header('batch/v1', 'Job', `pretrain-${i}`, i)}spec:
  completionMode: Indexed
  parallelism: 8
  completions: 8
  template:
    spec:
      restartPolicy: Never
${container('      ')}`;
}

function deployment(i: number): string {
  return `${header('apps/v1', 'Deployment', `serve-${i}`, i)}spec:
  replicas: 3
  selector:
    matchLabels: {app: serve-${i}}
  template:
    metadata:
      labels: {app: serve-${i}}
    spec:
${container('      ')}`;
}

function other(i: number): string {
  return `${header('v1', 'ConfigMap', `config-${i}`, i)}data:
  train.yaml: |
    epochs: 10
    lr: 0.001
`;
}

const KINDS = [workload, podGroup, pod, job, deployment, other] as const;

function resource(i: number): string {
  const make = KINDS[i % KINDS.length] ?? other;
  // One block of six (one of each kind) in 50 is broken.
  return make(i, Math.floor(i / KINDS.length) % 50 === 7);
}

/** Writes the corpus; every 20th file is a `kind: List` in JSON. */
function writeCorpus(dir: string): number {
  let files = 0;
  for (let start = 0; start < TOTAL; start += PER_FILE) {
    const ids = Array.from({ length: Math.min(PER_FILE, TOTAL - start) }, (_, k) => start + k);
    const sub = join(dir, `team-${files % 10}`);
    mkdirSync(sub, { recursive: true });
    if (files % 20 === 19) {
      const items = ids.map((i) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm-${i}`, namespace: `team-${i % NAMESPACES}` },
        data: { k: 'v' },
      }));
      writeFileSync(join(sub, `list-${files}.json`), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2));
    } else {
      writeFileSync(join(sub, `manifests-${files}.yaml`), ids.map(resource).join('---\n'));
    }
    files++;
  }
  return files;
}

const PARSE_ONLY = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, loadAll } from ${JSON.stringify(join(ROOT, 'plugin/node_modules/js-yaml/dist/js-yaml.mjs'))};
let n = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  const p = join(d, e.name);
  if (e.isDirectory()) walk(p);
  else { const t = readFileSync(p, 'utf8'); n += p.endsWith('.json') ? JSON.parse(t).items.length : loadAll(t, { schema: CORE_SCHEMA }).length; }
} };
walk(process.argv[1]);
console.log(n);
`;

interface Measured {
  label: string;
  command: string;
  args: string[];
  status: number;
  times: number[];
  stdout: string;
}

function runOnce(m: Measured): void {
  const t0 = performance.now();
  const out = spawnSync(m.command, m.args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  m.times.push(performance.now() - t0);
  if (out.status !== m.status) throw new Error(`${m.label} exited ${out.status}: ${out.stderr}`);
  m.stdout = out.stdout;
}

/** Runs are interleaved (baseline, lint, baseline, …) so load from other processes hits both alike. */
function medians(...measured: Measured[]): number[] {
  for (let r = 0; r < RUNS; r++) for (const m of measured) runOnce(m);
  return measured.map((m) => [...m.times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0);
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lint-bench-'));
  try {
    const files = writeCorpus(dir);
    const rate = (ms: number) => Math.round((TOTAL / ms) * 1000);
    console.log(`corpus: ${TOTAL} resources in ${files} files, ${NAMESPACES} namespaces (${dir})`);
    const parse: Measured = {
      label: 'parse-only baseline',
      command: NODE,
      args: ['--input-type=module', '-e', PARSE_ONLY, dir],
      status: 0,
      times: [],
      stdout: '',
    };
    const lint: Measured = { label: 'lint', command: BIN, args: ['lint', dir, '-o', 'json'], status: 1, times: [], stdout: '' };
    const [parseMs = 0, lintMs = 0] = medians(parse, lint);
    if (Number(parse.stdout.trim()) !== TOTAL) throw new Error(`baseline parsed ${parse.stdout.trim()} resources, expected ${TOTAL}`);
    const summary = (JSON.parse(lint.stdout) as { summary: { objects: number; errors: number } }).summary;
    if (summary.objects !== TOTAL) throw new Error(`lint saw ${summary.objects} objects, expected ${TOTAL}`);
    console.log(`baseline (node + read + js-yaml parse only): ${parseMs.toFixed(0)} ms, ${rate(parseMs)} resources/s`);
    console.log(
      `kubectl-workload lint -o json:             ${lintMs.toFixed(0)} ms, ${rate(lintMs)} resources/s (${summary.errors} errors found)`,
    );
    console.log(
      `ratio lint / parse-only: ${(lintMs / parseMs).toFixed(2)}x; target >= 15000 resources/s: ${rate(lintMs) >= 15_000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
