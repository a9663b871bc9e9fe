// `metadata.annotations["kubectl-workload.dev/ignore"]: "X-15,X-18"` silences those rules for that
// object, as linters' inline suppressions do; an id no rule has is reported (a typo would otherwise
// silently ignore nothing).

import type { KubeObject } from '@kubectl-workload/api';
import { ALL_RULES } from '@kubectl-workload/rules';

export const IGNORE_ANNOTATION = 'kubectl-workload.dev/ignore';
export const IGNORE_FIELD = `metadata.annotations[${IGNORE_ANNOTATION}]`;
/** The rule id of the finding about an unknown id in the annotation. */
export const IGNORE_RULE = 'LINT-IGNORE';

const KNOWN = new Set(ALL_RULES.map((r) => r.id));

export interface IgnoreList {
  ids: ReadonlySet<string>;
  unknown: readonly string[];
}

const NONE: IgnoreList = { ids: new Set(), unknown: [] };

export function ignoredRules(object: KubeObject): IgnoreList {
  const value: unknown = object.metadata?.annotations?.[IGNORE_ANNOTATION];
  if (typeof value !== 'string') return NONE;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return { ids: new Set(ids), unknown: ids.filter((id) => !KNOWN.has(id)) };
}
