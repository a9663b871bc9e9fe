// `kubectl-workload --version` whole-process start-up (target ≤ 150 ms), against a baseline of
// `node -e 0` measured in the same run, for each way the plugin ships: the repo build, the npm
// package installed with `npm install -g --prefix`, and the linux/amd64 single-file binary (SEA).
// Run with the repo's Node 24 after `npm run build`:
//   node test/bench/startup/startup-bench.ts [runs=20] [cli=node_modules/.bin/kubectl-workload]
// (give another build's executable as `cli` to compare builds under the same conditions).
// Builds the npm package and the SEA with scripts/release/build.mjs into a temporary folder (the
// SEA binaries come from its cache when the bundle is unchanged). Prints the median and p90 of each
// and the difference over the baseline (what the CLI itself costs).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const RUNS = Number(process.argv[2] ?? 20);
const BIN = resolve(process.argv[3] ?? join(ROOT, 'node_modules/.bin/kubectl-workload'));

interface Timing {
  median: number;
  p90: number;
}

function measure(command: string, args: string[]): Timing {
  const times: number[] = [];
  spawnSync(command, args); // warm the file cache
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const out = spawnSync(command, args, { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9) };
}

/** The shipped forms, built into `out`: the npm package installed into a prefix there, and the linux/amd64 SEA. */
function shippedBinaries(out: string): { npm: string; sea: string } {
  const built = execFileSync(
    NODE,
    [join(ROOT, 'scripts/release/build.mjs'), 'npm', 'sea', '--out', out, '--manifest', join(out, 'workload.yaml')],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const tarball = built.split('\n').find((line) => line.endsWith('.tgz')) ?? '';
  const prefix = join(out, 'prefix');
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
    stdio: 'ignore',
    env: { ...process.env, PATH: [dirname(process.execPath), process.env.PATH].join(delimiter) },
  });
  return { npm: join(prefix, 'bin/kubectl-workload'), sea: join(out, 'sea/linux-amd64/kubectl-workload') };
}

// The release build is 600 MiB: removed on the way out, even when a step fails.
const out = mkdtempSync(join(tmpdir(), 'kw-startup-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const shipped = shippedBinaries(out);
const baseline = measure(NODE, ['-e', '0']);
const rows: Array<[string, Timing]> = [
  ['node -e 0 (baseline)', baseline],
  [`repo build --version`, measure(BIN, ['--version'])],
  ['npm install -g --version', measure(shipped.npm, ['--version'])],
  ['SEA linux/amd64 --version', measure(shipped.sea, ['--version'])],
];
console.log(`cli: ${BIN}; runs: ${RUNS}`);
for (const [name, t] of rows) {
  const over = name.includes('baseline')
    ? ''
    : `  +${(t.median - baseline.median).toFixed(1)} ms over baseline (${(t.median / baseline.median).toFixed(2)}x), target <= 150 ms: ${t.median <= 150 ? 'met' : 'NOT met'}`;
  console.log(`${name.padEnd(28)} median ${t.median.toFixed(1).padStart(6)} ms, p90 ${t.p90.toFixed(1).padStart(6)} ms${over}`);
}
