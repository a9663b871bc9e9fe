// The long webhook fuzz run: the fast-check fuzz test (test/e2e/webhook-fuzz.test.ts) with 100,000
// generated reviews (90,000 in-process, 10,000 over HTTPS) instead of CI's 10,000. Prints the case
// count, time and rate; exits 1 on any reply outside the contract (the failing bodies are printed).
//   node test/bench/webhook/fuzz-bench.ts [--cases N] [--seed S]
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 10) throw new Error(`--${name} ${process.argv[i + 1]}: expected an integer ≥ 10`);
  return value;
}

const cases = flag('cases', 100_000);
const seed = flag('seed', Date.now() % 2 ** 31);
const https = Math.round(cases / 10);
const started = performance.now();
const run = spawnSync(NODE, ['--experimental-vm-modules', join(ROOT, 'node_modules/jest/bin/jest.js'), 'test/e2e/webhook-fuzz.test.ts'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: {
    ...process.env,
    WEBHOOK_FUZZ_DIRECT_RUNS: String(cases - https),
    WEBHOOK_FUZZ_HTTPS_RUNS: String(https),
    WEBHOOK_FUZZ_SEED: String(seed),
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(`webhook fuzz: ${cases} generated reviews (${cases - https} in-process, ${https} over HTTPS), seed ${seed}`);
console.log(`${seconds.toFixed(1)} s including Jest start-up, ${(cases / seconds).toFixed(0)} reviews/s`);
if (run.status !== 0) {
  process.stdout.write(run.stderr);
  console.log('FAILED: replies outside the contract (see above)');
  process.exitCode = 1;
} else {
  console.log('no 5xx, no crash, every reply a valid AdmissionReview with the right uid');
}
