// One comparison between a PodGroup spec and the Workload template it references (X-10..X-14).
// Used by the X rules, `kubectl workload diff` and the webhook's mutation (fillFromTemplate).

import type { PodGroupPolicyFields, PodGroupResourceClaim, PodGroupSchedulingPolicy } from '@kubectl-workload/api';

/** The fields a PodGroup copies from its template, in the order they are compared and reported. */
export const TEMPLATE_FIELDS = ['schedulingPolicy', 'schedulingConstraints', 'resourceClaims', 'disruptionMode', 'priorityClassName', 'priority'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The PodGroup default for `disruptionMode` (PG-50); templates are not defaulted, so unset means this. */
export const DEFAULT_DISRUPTION_MODE = 'Pod';

export interface TemplateDifference {
  field: TemplateField;
  /** Where to report it on the PodGroup, e.g. `spec.schedulingPolicy`. */
  path: string;
  /** The PodGroup's value as written (undefined when unset). */
  podGroup: unknown;
  /** The template's value as written (undefined when unset). */
  template: unknown;
}

function policyKey(policy: PodGroupSchedulingPolicy | undefined): string {
  return JSON.stringify({ basic: policy?.basic !== undefined, gang: policy?.gang ? (policy.gang.minCount ?? 0) : null });
}

function claimsKey(claims: readonly PodGroupResourceClaim[] | undefined): string {
  const entries = (claims ?? []).map((c) => [c.name ?? '', c.resourceClaimName ?? null, c.resourceClaimTemplateName ?? null] as const);
  return JSON.stringify(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Whether the two values of one field mean the same thing. */
const SAME: Record<TemplateField, (pg: PodGroupPolicyFields, tpl: PodGroupPolicyFields) => boolean> = {
  schedulingPolicy: (pg, tpl) => policyKey(pg.schedulingPolicy) === policyKey(tpl.schedulingPolicy),
  // No constraints, `{}` and `topology: []` all mean "no topology constraint".
  schedulingConstraints: (pg, tpl) =>
    JSON.stringify((pg.schedulingConstraints?.topology ?? []).map((t) => t.key ?? '')) ===
    JSON.stringify((tpl.schedulingConstraints?.topology ?? []).map((t) => t.key ?? '')),
  resourceClaims: (pg, tpl) => claimsKey(pg.resourceClaims) === claimsKey(tpl.resourceClaims),
  disruptionMode: (pg, tpl) => (pg.disruptionMode ?? DEFAULT_DISRUPTION_MODE) === (tpl.disruptionMode ?? DEFAULT_DISRUPTION_MODE),
  priorityClassName: (pg, tpl) => (pg.priorityClassName ?? '') === (tpl.priorityClassName ?? ''),
  // Priority admission may resolve a PodGroup's priority, so only two explicit values can disagree.
  priority: (pg, tpl) => pg.priority === undefined || tpl.priority === undefined || pg.priority === tpl.priority,
};

/** Field-level differences between a PodGroup spec and its template, in TEMPLATE_FIELDS order. */
export function compareWithTemplate(podGroupSpec: PodGroupPolicyFields | undefined, template: PodGroupPolicyFields): TemplateDifference[] {
  const spec = podGroupSpec ?? {};
  return TEMPLATE_FIELDS.filter((field) => !SAME[field](spec, template)).map((field) => ({
    field,
    path: `spec.${field}`,
    podGroup: spec[field],
    template: template[field],
  }));
}
