// `kubectl-workload --version` whole-process start-up (target ≤ 150 ms), against a baseline of
// `node -e 0` measured in the same run. Run with the repo's Node 24 after `npm run build`:
//   node test/bench/startup/startup-bench.ts [runs=20] [cli=node_modules/.bin/kubectl-workload]
// (give another build's executable as `cli` to compare builds under the same conditions).
// Prints the median and p90 of each and the difference (what the CLI itself costs).

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const RUNS = Number(process.argv[2] ?? 20);
const BIN = resolve(process.argv[3] ?? join(ROOT, 'node_modules/.bin/kubectl-workload'));

function measure(command: string, args: string[]): { median: number; p90: number } {
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

const baseline = measure(NODE, ['-e', '0']);
const cli = measure(BIN, ['--version']);
console.log(`cli: ${BIN}`);
console.log(`baseline node -e 0:         median ${baseline.median.toFixed(1)} ms, p90 ${baseline.p90.toFixed(1)} ms`);
console.log(`kubectl-workload --version: median ${cli.median.toFixed(1)} ms, p90 ${cli.p90.toFixed(1)} ms`);
console.log(
  `CLI over baseline: +${(cli.median - baseline.median).toFixed(1)} ms (${(cli.median / baseline.median).toFixed(2)}x); target <= 150 ms: ${cli.median <= 150 ? 'met' : 'NOT met'}`,
);
