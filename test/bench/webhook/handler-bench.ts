// The webhook's review handler in-process, without HTTP: the cost of one review (parse the body,
// evaluate the rules, build the reply, record metrics) on webhook-bench.ts's reviews. Use it to
// see where a webhook-bench figure comes from and to profile (`node --cpu-prof`). Run after
// `npm run build`:
//   node test/bench/webhook/handler-bench.ts [--seconds S]   (default 2 s per review, in 5 alternating rounds)

import { parseFeatureGatesByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { ManifestLookup } from '@kubectl-workload/rules';
import { ReviewHandler, WebhookMetrics } from '@kubectl-workload/webhook';
import type { Endpoint } from '@kubectl-workload/webhook';
import { pino } from 'pino';
import { REQUESTS, snapshot } from './scenario.ts';

function secondsFlag(argv: string[]): number {
  const i = argv.indexOf('--seconds');
  if (i < 0) return 2;
  const value = Number(argv[i + 1]);
  if (!(value > 0)) throw new Error(`--seconds ${argv[i + 1]}: expected a positive number`);
  return value;
}

const SECONDS = secondsFlag(process.argv.slice(2));
const metrics = new WebhookMetrics(() => ({}));
const handler = new ReviewHandler({
  lookup: new ManifestLookup(snapshot.items as KubeObject[]),
  gates: parseFeatureGatesByVersion(''),
  onLookupError: 'allow',
  logger: pino({ level: 'warn' }),
  metrics,
});

/** Reviews per second over `seconds`, each body parsed from its text like the server does. */
async function rate(endpoint: Endpoint, body: string, seconds: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) await handler.handle(endpoint, JSON.parse(body));
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

const ROUNDS = 5;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(`review handler in-process: ${ROUNDS} alternating rounds of ${SECONDS / ROUNDS} s per review after a warm-up, medians`);
const reviews = REQUESTS.map((request) => ({
  endpoint: request.path.slice(1) as Endpoint,
  kind: (JSON.parse(request.body) as { request: { kind: { kind: string } } }).request.kind.kind,
  body: request.body,
  rates: [] as number[],
}));
for (const review of reviews) await rate(review.endpoint, review.body, SECONDS / ROUNDS);
for (let round = 0; round < ROUNDS; round++) {
  for (const review of reviews) review.rates.push(await rate(review.endpoint, review.body, SECONDS / ROUNDS));
}
for (const { endpoint, kind, rates } of reviews) {
  const perSecond = median(rates);
  console.log(
    `/${endpoint.padEnd(8)} ${kind.padEnd(8)} ${(1e6 / perSecond).toFixed(1).padStart(6)} µs/review  ${perSecond.toFixed(0).padStart(7)} reviews/s`,
  );
}
