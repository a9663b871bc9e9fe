// PG-50: the scheme defaulter sets a PodGroup's `spec.disruptionMode` to `Pod` when unset
// (unconditionally; templates are never defaulted). In 1.37 it is `{single: {}}`, on PodGroups and
// CompositePodGroups alike, and no gate drops it (PG-50, CPG-08 of api-rules-1.37.md).

import { knownKind, kubeVersionOfObject } from '@kubectl-workload/api';
import type { KubeObject, PodGroup } from '@kubectl-workload/api';
import type { EvaluationRequest } from './engine.js';

export const DEFAULT_DISRUPTION_MODE = 'Pod';

/** The generated defaulter (DVDEF): returns a defaulted copy, the input is not touched. */
export const DEFAULT_DISRUPTION_MODE_1_37 = { single: {} };

export function applyPodGroupDefaults(pg: PodGroup): PodGroup {
  // A spec that is no object is left for PG-00 to report.
  const spec: unknown = pg.spec ?? {};
  if (typeof spec !== 'object' || Array.isArray(spec)) return pg;
  if (pg.spec?.disruptionMode !== undefined && pg.spec.disruptionMode !== null) return pg;
  const mode = kubeVersionOfObject(pg) === '1.37' ? DEFAULT_DISRUPTION_MODE_1_37 : DEFAULT_DISRUPTION_MODE;
  return { ...pg, spec: { ...pg.spec, disruptionMode: mode } } as PodGroup;
}

function isDefaulted(obj: KubeObject, gates: EvaluationRequest['gates']): boolean {
  const kind = knownKind(obj);
  if (kubeVersionOfObject(obj) === '1.37') return kind === 'PodGroup' || kind === 'CompositePodGroup';
  return kind === 'PodGroup' && gates.WorkloadAwarePreemption;
}

/**
 * The request as validation sees it. The webhook receives PodGroups already defaulted; lint reads
 * raw manifests, so evaluate() defaults them here and an omitted disruptionMode is never reported
 * as Required (PG-11). With WorkloadAwarePreemption off, PrepareForCreate drops the defaulted value
 * again, so defaulting is skipped: only a value the user wrote can then be reported Forbidden.
 * The old object is defaulted too, so an update between two raw manifests compares like for like.
 */
export function withPodGroupDefaults<R extends Pick<EvaluationRequest, 'object' | 'oldObject' | 'gates'>>(req: R): R {
  if (!isDefaulted(req.object, req.gates)) return req;
  const defaulted = (obj: KubeObject): KubeObject => applyPodGroupDefaults(obj);
  return { ...req, object: defaulted(req.object), ...(req.oldObject ? { oldObject: defaulted(req.oldObject) } : {}) };
}
