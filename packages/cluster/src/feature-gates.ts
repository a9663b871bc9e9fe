// The feature gates a live API server runs with, from its /metrics (`kubernetes_feature_enabled`,
// component-base's gauge: 1 enabled, 0 disabled). A GET like every other read.

import { FEATURE_GATES, type FeatureGate } from '@kubectl-workload/api';
import type { ClusterClient } from './client.js';
import { ForbiddenError } from './errors.js';

/** The annotation on a snapshot's List that records the gates it was taken with (`A=true,B=false`). */
export const SNAPSHOT_GATES_ANNOTATION = 'kubectl-workload.io/feature-gates';

const SAMPLE = /^kubernetes_feature_enabled\{([^}]*)\}\s+(\S+)/;
const NAME_LABEL = /(?:^|,)\s*name="([^"]*)"/;

/** The workload-scheduling gates the metrics text reports; gates it does not list are left out. */
export function parseFeatureMetrics(text: string): Partial<Record<FeatureGate, boolean>> {
  const out: Partial<Record<FeatureGate, boolean>> = {};
  for (const line of text.split('\n')) {
    const sample = SAMPLE.exec(line);
    const name = sample && NAME_LABEL.exec(sample[1] as string)?.[1];
    if (name && (FEATURE_GATES as readonly string[]).includes(name)) out[name as FeatureGate] = Number(sample[2]) === 1;
  }
  return out;
}

export type ServerGates = { readonly gates: Partial<Record<FeatureGate, boolean>> } | { readonly forbidden: string };

/** The API server's gates, or why /metrics could not be read (RBAC: `get` on the non-resource URL /metrics). */
export async function readServerGates(client: ClusterClient): Promise<ServerGates> {
  try {
    return { gates: parseFeatureMetrics(await client.rest.getText('/metrics', { verb: 'get', resource: '/metrics' })) };
  } catch (err) {
    if (err instanceof ForbiddenError) return { forbidden: err.message };
    throw err;
  }
}
