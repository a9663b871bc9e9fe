// Webhook review CPU as a namespace grows: the review handler in-process (as handler-bench.ts) over
// the webhook bench's scenario (a Pod CREATE into a 64-pod gang, X-15..X-19 reading its PodGroup and
// pods) plus filler pods of other 8-pod groups in the same namespace, with a snapshot lookup.

import { parseFeatureGatesByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { ManifestLookup } from '@kubectl-workload/rules';
import { ReviewHandler, WebhookMetrics } from '@kubectl-workload/webhook';
import { pino } from 'pino';
import { REQUESTS, snapshot } from '../webhook/scenario.ts';

const POD_REVIEW = REQUESTS[0]?.body ?? '';
const SCENARIO_PODS = snapshot.items.filter((item) => item.kind === 'Pod').length;

function filler(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `filler-${i}`, namespace: 'ml' },
    spec: {
      schedulingGroup: { podGroupName: `filler-${Math.floor(i / 8)}` },
      containers: [{ name: 'main', image: 'registry.example/server:1' }],
    },
  } as KubeObject;
}

function handlerWith(podsInNamespace: number): ReviewHandler {
  const fillers = Array.from({ length: podsInNamespace - SCENARIO_PODS }, (_, i) => filler(i));
  return new ReviewHandler({
    lookup: new ManifestLookup([...(snapshot.items as KubeObject[]), ...fillers]),
    gates: parseFeatureGatesByVersion(''),
    onLookupError: 'allow',
    logger: pino({ level: 'warn' }),
    metrics: new WebhookMetrics(() => ({})),
  });
}

/** CPU microseconds (user + system) per review over `reviews` reviews. */
async function cpuPerReview(handler: ReviewHandler, reviews: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < reviews; i++) await handler.handle('validate', JSON.parse(POD_REVIEW));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / reviews;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Median CPU per Pod review with `small` and with `large` pods in the namespace, in alternating rounds. */
export async function webhookReviewCpu(small: number, large: number): Promise<{ smallUs: number; largeUs: number }> {
  const handlers = [handlerWith(small), handlerWith(large)] as const;
  const rounds: [number[], number[]] = [[], []];
  for (const handler of handlers) await cpuPerReview(handler, 2000); // warm-up
  for (let round = 0; round < 7; round++) {
    for (const [i, handler] of handlers.entries()) rounds[i]?.push(await cpuPerReview(handler, 2000));
  }
  return { smallUs: median(rounds[0]), largeUs: median(rounds[1]) };
}
