// Drives fuzz cases through a ReviewHandler directly and through the HTTPS server, collecting every
// reply that breaks the contract. Shared by the fuzz test (10,000 cases) and the long fuzz benchmark.

import fc from 'fast-check';
import { parseFeatureGatesByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { noSource } from '../lookup-source.js';
import type { LookupSource } from '../lookup-source.js';
import { WebhookMetrics } from '../metrics.js';
import { ReviewHandler } from '../review-handler.js';
import type { Endpoint } from '../metrics.js';
import { fuzzCase, handlerReplyProblem, parsesAsJson, replyProblem } from './fuzz-reviews.js';
import type { FuzzCase } from './fuzz-reviews.js';
import type { HttpsClient } from './https-client.js';
import { objectsSource, silentLogger } from './start.js';

export interface FuzzFailure {
  case: FuzzCase;
  endpoint: Endpoint;
  problem: string;
}

/** Two configurations: a full snapshot with all gates on, and no lookups with some gates off and deny. */
export function fuzzHandlers(snapshot: KubeObject[]): ReviewHandler[] {
  const make = (source: LookupSource, gates: string, onLookupError: 'allow' | 'deny'): ReviewHandler =>
    new ReviewHandler({
      lookup: source.lookup,
      gates: parseFeatureGatesByVersion(gates),
      onLookupError,
      logger: silentLogger,
      metrics: new WebhookMetrics(() => ({})),
    });
  return [
    make(objectsSource(snapshot), '', 'allow'),
    make(noSource(), 'WorkloadAwarePreemption=false,DRAWorkloadResourceClaims=false', 'deny'),
  ];
}

/** Runs `runs` cases against the handlers in-process; bodies that are not JSON are left to the HTTPS path. */
export async function fuzzHandlerDirect(
  handlers: ReviewHandler[],
  runs: number,
  seed: number,
): Promise<{ sent: number; failures: FuzzFailure[] }> {
  const failures: FuzzFailure[] = [];
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fuzzCase, fc.nat(handlers.length - 1), fc.constantFrom<Endpoint>('validate', 'mutate'), async (c, index, endpoint) => {
      const parsed = parsesAsJson(c.body);
      if (!parsed.ok) return;
      sent++;
      const reply = await (handlers[index] as ReviewHandler).handle(endpoint, parsed.value);
      const problem = handlerReplyProblem(c, reply);
      if (problem) failures.push({ case: c, endpoint, problem });
    }),
    { numRuns: runs, seed },
  );
  return { sent, failures };
}

/** Sends `runs` cases (truncated bodies included) over HTTPS, `concurrency` at a time. */
export async function fuzzOverHttps(
  client: HttpsClient,
  runs: number,
  seed: number,
  concurrency = 8,
): Promise<{ sent: number; failures: FuzzFailure[] }> {
  const cases = fc.sample(fc.tuple(fuzzCase, fc.constantFrom<Endpoint>('validate', 'mutate')), { numRuns: runs, seed });
  const failures: FuzzFailure[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < cases.length; i = next++) {
      const [c, endpoint] = cases[i] as [FuzzCase, Endpoint];
      const reply = await client.send('POST', `/${endpoint}`, c.body);
      const json = parsesAsJson(reply.text);
      const problem = json.ok ? replyProblem(c, reply.status, json.value) : `HTTP ${reply.status} with a non-JSON body`;
      if (problem) failures.push({ case: c, endpoint, problem });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent: cases.length, failures };
}
