// Fuzz (fast-check): 10,000 generated reviews — random objects, valid objects with random parts
// replaced, broken envelopes, truncated bodies, garbage. No 5xx, no crash, every 200 a v1
// AdmissionReview echoing the uid, no rule throwing. Most go to the handler in-process; a real
// HTTPS subset goes through express (body parsing, truncation) over one keep-alive agent.
// WEBHOOK_FUZZ_SEED reproduces a run; test/bench/webhook/fuzz-bench.ts runs it longer through
// WEBHOOK_FUZZ_DIRECT_RUNS / WEBHOOK_FUZZ_HTTPS_RUNS.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseObjectsFile } from '@kubectl-workload/api';
import { fuzzHandlerDirect, fuzzHandlers, fuzzOverHttps } from '../../webhook/src/test-support/fuzz-run.js';
import type { FuzzFailure } from '../../webhook/src/test-support/fuzz-run.js';
import { objectsSource, startTestWebhook } from '../../webhook/src/test-support/start.js';

const DIRECT_RUNS = Number(process.env.WEBHOOK_FUZZ_DIRECT_RUNS ?? 9000);
const HTTPS_RUNS = Number(process.env.WEBHOOK_FUZZ_HTTPS_RUNS ?? 1000);
/** Generous: 10,000 cases take about 2 s on 2 cores. */
const TIMEOUT_MS = 60_000 + (DIRECT_RUNS + HTTPS_RUNS) * 2;
const seed = Number(process.env.WEBHOOK_FUZZ_SEED ?? Date.now() % 2 ** 31);
const snapshotFile = fileURLToPath(new URL('../fixtures/webhook/snapshot.yaml', import.meta.url));
const snapshot = parseObjectsFile(readFileSync(snapshotFile, 'utf8'), snapshotFile);

function report(failures: FuzzFailure[]): string[] {
  return failures.slice(0, 5).map((f) => `seed ${seed} /${f.endpoint}: ${f.problem}\n  body: ${f.case.body.slice(0, 600)}`);
}

describe('webhook fuzz', () => {
  it(
    `answers ${DIRECT_RUNS} generated reviews in-process within the contract`,
    async () => {
      const { sent, failures } = await fuzzHandlerDirect(fuzzHandlers(snapshot), DIRECT_RUNS, seed);
      expect(report(failures)).toEqual([]);
      expect(sent).toBeGreaterThan(DIRECT_RUNS * 0.7);
    },
    TIMEOUT_MS,
  );

  it(
    `answers ${HTTPS_RUNS} generated bodies over HTTPS with no 5xx`,
    async () => {
      const server = await startTestWebhook({ source: objectsSource(snapshot) });
      try {
        const { sent, failures } = await fuzzOverHttps(server.client, HTTPS_RUNS, seed);
        expect(report(failures)).toEqual([]);
        expect(sent).toBe(HTTPS_RUNS);
        await expect(server.client.send('GET', '/healthz')).resolves.toMatchObject({ status: 200 });
        // Random kinds and operations must not grow the metric series: they collapse to "other".
        const metrics = (await server.client.send('GET', '/metrics')).text;
        const labelValues = (name: string): Set<string> =>
          new Set([...metrics.matchAll(new RegExp(`[{,]${name}="([^"]*)"`, 'g'))].map((m) => m[1] as string));
        expect([...labelValues('kind')].filter((k) => !['Pod', 'Job', 'Workload', 'PodGroup', 'other'].includes(k))).toEqual([]);
        expect([...labelValues('operation')].filter((o) => !['CREATE', 'UPDATE', 'DELETE', 'CONNECT', 'other'].includes(o))).toEqual([]);
        expect(labelValues('kind')).toContain('other');
      } finally {
        await server.stop();
      }
    },
    TIMEOUT_MS,
  );
});
