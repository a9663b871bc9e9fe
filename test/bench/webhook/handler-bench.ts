// The webhook's review handler in-process, without HTTP: the cost of one review (parse the body,
// evaluate the rules, build the reply, record metrics) on webhook-bench.ts's reviews. Use it to
// see where a webhook-bench figure comes from and to profile (`node --cpu-prof`). Run after
// `npm run build`:
//   node test/bench/webhook/handler-bench.ts [--seconds S]   (default 2 s per review)

import { parseFeatureGates } from '@kubectl-workload/api';
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
  gates: parseFeatureGates(''),
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

console.log(`review handler in-process, ${SECONDS} s per review after ${SECONDS / 2} s warm-up`);
for (const request of REQUESTS) {
  const endpoint = request.path.slice(1) as Endpoint;
  const kind = (JSON.parse(request.body) as { request: { kind: { kind: string } } }).request.kind.kind;
  await rate(endpoint, request.body, SECONDS / 2);
  const perSecond = await rate(endpoint, request.body, SECONDS);
  console.log(`${request.path.padEnd(9)} ${kind.padEnd(8)} ${(1e6 / perSecond).toFixed(1).padStart(6)} µs/review  ${perSecond.toFixed(0).padStart(7)} reviews/s`);
}
