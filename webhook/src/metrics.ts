// Prometheus metrics on their own registry (several servers can run in one test process).
// Label values are bounded: unknown kinds and operations collapse to "other", so a client sending
// random reviews cannot grow the series without limit.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Endpoint = 'validate' | 'mutate';
/** allowed, allowed with warnings, denied, patched, or a 4xx for a body that is not a review. */
export type Outcome = 'allowed' | 'warned' | 'denied' | 'patched' | 'rejected';
export type DecisionAction = 'deny' | 'warn' | 'lookup_failed';

const KINDS = new Set(['Pod', 'Job', 'Workload', 'PodGroup']);
const OPERATIONS = new Set(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

export function kindLabel(kind: string | undefined): string {
  return kind && KINDS.has(kind) ? kind : 'other';
}

export function operationLabel(operation: string | undefined): string {
  return operation && OPERATIONS.has(operation) ? operation : 'other';
}

export class WebhookMetrics {
  readonly registry = new Registry();
  private readonly latency = new Histogram({
    name: 'workload_webhook_request_duration_seconds',
    help: 'Time to answer an admission review, by endpoint, kind, operation and verdict.',
    labelNames: ['endpoint', 'kind', 'operation', 'verdict'] as const,
    // Up to the longest default webhook timeout (5 s): the latency alert fires at half a timeout.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: 'workload_webhook_rule_decisions_total',
    help: 'Findings returned to the API server, by rule id and action (deny, warn, lookup_failed).',
    labelNames: ['rule', 'action'] as const,
    registers: [this.registry],
  });

  constructor(cacheSizes: () => Record<string, number>) {
    new Gauge({
      name: 'workload_webhook_cache_objects',
      help: 'Objects held for cross-object lookups, by kind.',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [kind, size] of Object.entries(cacheSizes())) this.set({ kind }, size);
      },
    });
  }

  observe(endpoint: Endpoint, kind: string | undefined, operation: string | undefined, verdict: Outcome, seconds: number): void {
    this.latency.observe({ endpoint, kind: kindLabel(kind), operation: operationLabel(operation), verdict }, seconds);
  }

  decision(rule: string, action: DecisionAction): void {
    this.decisions.inc({ rule, action });
  }
}
