// One comparison between a PodGroup spec and the Workload template it references (X-10..X-14).
// Used by the X rules, `kubectl workload diff` and the webhook's mutation (fillFromTemplate).

import { DISRUPTION_MODE_1_37 } from '@kubectl-workload/api';
import type { PodGroupPolicyFields, PodGroupResourceClaim, PodGroupSchedulingPolicy } from '@kubectl-workload/api';

/** The fields a PodGroup copies from its template, in the order they are compared and reported. */
export const TEMPLATE_FIELDS = [
  'schedulingPolicy',
  'schedulingConstraints',
  'resourceClaims',
  'disruptionMode',
  'priorityClassName',
  'priority',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface TemplateDifference {
  field: TemplateField;
  /** Where to report it on the PodGroup, e.g. `spec.schedulingPolicy`. */
  path: string;
  /** The PodGroup's value as written (undefined when unset). */
  podGroup: unknown;
  /** The template's value as written (undefined when unset). */
  template: unknown;
}

/**
 * Whether two JSON values serialise alike. Primitives are compared directly: JSON.stringify on
 * every field of every review was the costliest part of the X-10..X-14 checks.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
}

function samePolicy(a: PodGroupSchedulingPolicy | undefined, b: PodGroupSchedulingPolicy | undefined): boolean {
  const gangOf = (policy: PodGroupSchedulingPolicy | undefined): unknown => (policy?.gang ? (policy.gang.minCount ?? 0) : null);
  return (a?.basic !== undefined) === (b?.basic !== undefined) && sameJson(gangOf(a), gangOf(b));
}

function topologyKeys(constraints: PodGroupPolicyFields['schedulingConstraints']): unknown[] {
  return (constraints?.topology ?? []).map((t) => t.key ?? '');
}

/** Claims in name order, each as [name, claim, template]: the list order means nothing. */
function claimEntries(claims: readonly PodGroupResourceClaim[] | undefined): (readonly unknown[])[] {
  const entries = (claims ?? []).map((c) => [c.name ?? '', c.resourceClaimName ?? null, c.resourceClaimTemplateName ?? null] as const);
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function noClaims(claims: readonly PodGroupResourceClaim[] | undefined): boolean {
  return claims === undefined || claims === null || (Array.isArray(claims) && claims.length === 0);
}

function sameClaims(a: readonly PodGroupResourceClaim[] | undefined, b: readonly PodGroupResourceClaim[] | undefined): boolean {
  if (noClaims(a) && noClaims(b)) return true;
  const left = claimEntries(a);
  const right = claimEntries(b);
  return left.length === right.length && left.every((entry, i) => sameList(entry, right[i] ?? []));
}

/**
 * A disruptionMode of either API version as its 1.37 union member (`Pod` ≡ `single`, `PodGroup` ≡
 * `all`), unset meaning the PodGroup default (PG-50): 1.36 strings and 1.37 unions compare alike.
 */
function disruptionMember(mode: unknown): string {
  if (mode === undefined || mode === null) return 'single';
  if (typeof mode === 'string') return DISRUPTION_MODE_1_37[mode] ?? mode;
  const members = typeof mode === 'object' ? Object.keys(mode) : [];
  return members.length === 1 && (members[0] === 'single' || members[0] === 'all') ? members[0] : JSON.stringify(mode);
}

/** Whether the two values of one field mean the same thing. */
const SAME: Record<TemplateField, (pg: PodGroupPolicyFields, tpl: PodGroupPolicyFields) => boolean> = {
  schedulingPolicy: (pg, tpl) => samePolicy(pg.schedulingPolicy, tpl.schedulingPolicy),
  // No constraints, `{}` and `topology: []` all mean "no topology constraint".
  schedulingConstraints: (pg, tpl) => sameList(topologyKeys(pg.schedulingConstraints), topologyKeys(tpl.schedulingConstraints)),
  resourceClaims: (pg, tpl) => sameClaims(pg.resourceClaims, tpl.resourceClaims),
  disruptionMode: (pg, tpl) => disruptionMember(pg.disruptionMode) === disruptionMember(tpl.disruptionMode),
  priorityClassName: (pg, tpl) => (pg.priorityClassName ?? '') === (tpl.priorityClassName ?? ''),
  // Priority admission may resolve a PodGroup's priority, so only two explicit values can disagree.
  priority: (pg, tpl) => pg.priority === undefined || tpl.priority === undefined || pg.priority === tpl.priority,
};

/**
 * A schedulingPolicy difference where both sides are gang, so only minCount differs: mutable in
 * 1.37 (WL-29, PG-22), where the Job controller patches the template and the PodGroup in turn (JOB-27).
 */
export function isMinCountOnly(d: TemplateDifference): boolean {
  const gang = (policy: unknown): boolean => (policy as PodGroupSchedulingPolicy | undefined)?.gang !== undefined;
  return d.field === 'schedulingPolicy' && gang(d.podGroup) && gang(d.template);
}

/**
 * Field-level differences between a PodGroup spec and its template, in TEMPLATE_FIELDS order;
 * `fields` limits the comparison (each X-10..X-14 rule compares only its own fields).
 */
export function compareWithTemplate(
  podGroupSpec: PodGroupPolicyFields | undefined,
  template: PodGroupPolicyFields,
  fields: readonly TemplateField[] = TEMPLATE_FIELDS,
): TemplateDifference[] {
  const spec = podGroupSpec ?? {};
  return fields
    .filter((field) => !SAME[field](spec, template))
    .map((field) => ({
      field,
      path: `spec.${field}`,
      podGroup: spec[field],
      template: template[field],
    }));
}
