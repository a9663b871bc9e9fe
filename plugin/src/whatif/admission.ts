// Before a what-if is simulated: would the API server accept what -f describes? The lint rules
// answer; an object it would reject never exists, so simulating it would answer the wrong question
// (issue 18 item 15: an over-long Job name "fitting now").

import { allGatesOnByVersion } from '@kubectl-workload/api/gates';
import type { KubeObject, KubeVersion } from '@kubectl-workload/api';
import { renderFinding } from '@kubectl-workload/rules';
import type { ManifestObject } from '../input/manifests.js';
import { objectLabel } from '../lint/format/text.js';
import { lintObjects } from '../lint/lint.js';

/**
 * Warnings for lint, since the object itself is accepted, but the API server rejects what its
 * controller creates from it: X-23, a Job whose name makes the Workload's template name too long.
 */
const REJECTED_DOWNSTREAM: ReadonlySet<string> = new Set(['X-23']);

/**
 * One line per rejection (`file:line:col: RULE Kind ns/name: message`), none when all would be
 * admitted. `kubeVersion`: the cluster's, when known (a 1.37 Job controller makes a Workload for
 * every root Job, so X-23 reaches basic Jobs too); else each object's apiVersion says.
 */
export async function admissionRejections(
  manifests: readonly ManifestObject[],
  cluster: readonly KubeObject[],
  kubeVersion?: KubeVersion,
): Promise<string[]> {
  const { findings } = await lintObjects(manifests, { gates: allGatesOnByVersion(), cluster, ...(kubeVersion ? { kubeVersion } : {}) });
  return findings
    .filter((f) => f.severity === 'error' || REJECTED_DOWNSTREAM.has(f.rule))
    .map((f) => `${f.file}:${f.line}:${f.column}: ${f.rule} ${objectLabel(f)}: ${renderFinding(f)}`);
}
