// Scale benchmark (issue #12): lint, the webhook and explain stay linear at the size of real AI
// clusters. Generates its corpora, then prints each figure next to its baseline from the same run.
// Run with the repo's Node 24 after `npm run build` (part of `make bench`, not `make test`):
//   node test/bench/scale/scale-bench.ts [--runs N]    (N whole-process runs per figure, median; default 3)
//
//   lint, 48k objects in one namespace / the same over 1,000 namespaces   target ≤ 1.3×
//   lint, 50k objects with 33k findings (-o json)                          target ≥ 15,000 resources/s
//   webhook Pod review CPU, 50k pods in the namespace / 100                target ≤ 1.2×
//   explain / simulate, same 5k-node / 50k-pod snapshot, whole process     target ≤ 2×, ≤ 1 GiB RSS
//   simulate, 15k nodes / 150k pods / 2,000-pod gang, whole process        target ≤ 5 s, ≤ 1 GiB RSS

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeClusterSnapshot } from './cluster-snapshot.ts';
import { writeLintCorpus } from './lint-corpus.ts';
import { cleanUpProcessFigures, figures, medianRuns, runNode } from './process-figures.ts';
import type { ProcessRun } from './process-figures.ts';
import { webhookReviewCpu } from './webhook-scale.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'plugin/bin/kubectl-workload.js');
const GIB = 2 ** 30;

function runsFlag(argv: string[]): number {
  const i = argv.indexOf('--runs');
  if (i < 0) return 3;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--runs ${argv[i + 1]}: expected a positive whole number`);
  return value;
}

const RUNS = runsFlag(process.argv.slice(2));
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

/** `lint DIR -o json`, checking that it saw `objects` objects and found `findings` findings. */
function lint(dir: string, objects: number, findings: number): () => ProcessRun {
  return () => {
    const run = runNode(CLI, ['lint', dir, '-o', 'json'], findings ? [1] : [0]);
    const summary = (JSON.parse(run.stdout) as { summary: { objects: number; errors: number; warnings: number } }).summary;
    if (summary.objects !== objects || summary.errors + summary.warnings !== findings) {
      throw new Error(
        `lint ${dir}: ${summary.objects} objects, ${summary.errors + summary.warnings} findings; expected ${objects} and ${findings}`,
      );
    }
    return run;
  };
}

function lintFigures(dir: string): void {
  const objects = 48_000;
  writeLintCorpus(join(dir, 'one'), objects, 1, false);
  writeLintCorpus(join(dir, 'spread'), objects, 1000, false);
  const [one, spread] = medianRuns(RUNS, lint(join(dir, 'one'), objects, 0), lint(join(dir, 'spread'), objects, 0)) as [
    ProcessRun,
    ProcessRun,
  ];
  const ratio = one.ms / spread.ms;
  console.log(`lint ${objects} objects, one namespace:      ${figures(one)}`);
  console.log(`  baseline, spread over 1,000 namespaces: ${figures(spread)}`);
  console.log(`  ratio ${ratio.toFixed(2)}x (CPU ${(one.cpuMs / spread.cpuMs).toFixed(2)}x), target <= 1.3x: ${verdict(ratio <= 1.3)}`);

  const total = 50_000;
  const findings = (total / 3) * 2;
  writeLintCorpus(join(dir, 'dangling'), total, 1000, true);
  const [dangling] = medianRuns(RUNS, lint(join(dir, 'dangling'), total, Math.floor(findings))) as [ProcessRun];
  const rate = (total / dangling.ms) * 1000;
  console.log(`lint ${total} objects, ${Math.floor(findings)} findings, -o json: ${figures(dangling)}`);
  console.log(
    `  ${rate.toFixed(0)} resources/s (per CPU second: ${((total / dangling.cpuMs) * 1000).toFixed(0)}), target >= 15000 resources/s: ${verdict(rate >= 15_000)}`,
  );
}

async function webhookFigures(): Promise<void> {
  const { smallUs, largeUs } = await webhookReviewCpu(100, 50_000);
  const ratio = largeUs / smallUs;
  console.log(`webhook Pod review CPU, 50000 pods in the namespace: ${largeUs.toFixed(1)} us`);
  console.log(`  baseline, 100 pods in the namespace:              ${smallUs.toFixed(1)} us`);
  console.log(`  ratio ${ratio.toFixed(2)}x, target <= 1.2x: ${verdict(ratio <= 1.2)}`);
}

function clusterFigures(dir: string): void {
  const snapshot5k = join(dir, 'cluster-5k.json');
  writeClusterSnapshot(snapshot5k, 5, 1000, '8');
  const [explain, simulate] = medianRuns(
    RUNS,
    () => runNode(CLI, ['explain', 'podgroup/train', '-n', 'bench', '--snapshot', snapshot5k], [1]),
    () => runNode(CLI, ['simulate', '--snapshot', snapshot5k], [0, 1]),
  ) as [ProcessRun, ProcessRun];
  const ratio = explain.ms / simulate.ms;
  console.log(`explain podgroup/train, 5000 nodes / 50000 pods / 1000-pod gang: ${figures(explain)}`);
  console.log(`  baseline, simulate on the same snapshot:                      ${figures(simulate)}`);
  console.log(
    `  ratio ${ratio.toFixed(2)}x (CPU ${(explain.cpuMs / simulate.cpuMs).toFixed(2)}x), target <= 2x and <= 1 GiB: ${verdict(ratio <= 2 && explain.rssBytes <= GIB)}`,
  );

  const snapshot15k = join(dir, 'cluster-15k.json');
  writeClusterSnapshot(snapshot15k, 15, 2000, '4');
  const [large] = medianRuns(RUNS, () => runNode(CLI, ['simulate', '--snapshot', snapshot15k], [0, 1])) as [ProcessRun];
  console.log(`simulate, 15000 nodes / 150000 pods / 2000-pod gang: ${figures(large)}`);
  console.log(`  target <= 5 s and <= 1 GiB: ${verdict(large.ms <= 5000 && large.rssBytes <= GIB)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'scale-bench-'));
try {
  console.log(`scale benchmark: ${RUNS} run(s) per whole-process figure (median), corpora in ${dir}`);
  lintFigures(dir);
  await webhookFigures();
  clusterFigures(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
  cleanUpProcessFigures();
}
