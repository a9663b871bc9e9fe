// Checks shared by Workload templates (WL-09..27) and PodGroups (PG-07..13, PG-21..27): the same
// scheduling.k8s.io/v1alpha2 types carry the same declarative tags in both places.

import { forbidden, required } from '@kubectl-workload/api';
import type {
  BadValue,
  FieldError,
  PodGroupResourceClaim,
  PodGroupSchedulingConstraints,
  PodGroupSchedulingPolicy,
  PodGroupTemplate,
} from '@kubectl-workload/api';
import { semanticEqual } from './equality.js';
import {
  immutable,
  isSet,
  validateEnum,
  validateLabelKey,
  validateLongName,
  validateMaximum,
  validateMaxItems,
  validateMinimum,
  validateRequiredString,
  validateShortName,
  validateUnion,
  validateUniqueKeys,
} from './fields.js';

export const MAX_POD_GROUP_TEMPLATES = 8;
export const MAX_RESOURCE_CLAIMS = 4;
export const MAX_TOPOLOGY_CONSTRAINTS = 1;
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
export const DISRUPTION_MODES = ['Pod', 'PodGroup'] as const;

// ---- schedulingPolicy ----

/** M-UNION0/2 over `basic`, `gang` (WL-09, PG-07). */
export function validateSchedulingPolicyUnion(path: string, policy: PodGroupSchedulingPolicy | undefined): FieldError[] {
  return validateUnion(path, [
    ['basic', policy?.basic],
    ['gang', policy?.gang],
  ]);
}

/** `gang.minCount` is a plain int32: 0 (or absent) counts as missing (WL-10, PG-08). */
export function validateGangMinCountRequired(path: string, policy: PodGroupSchedulingPolicy | undefined): FieldError[] {
  return isSet(policy?.gang) && !policy?.gang?.minCount ? [required(`${path}.gang.minCount`)] : [];
}

/** Minimum 1, reached only for a non-zero value (WL-11, PG-08). */
export function validateGangMinCountMinimum(path: string, policy: PodGroupSchedulingPolicy | undefined): FieldError[] {
  const minCount = policy?.gang?.minCount;
  return minCount ? validateMinimum(`${path}.gang.minCount`, minCount, 1) : [];
}

// ---- schedulingConstraints (TopologyAwareWorkloadScheduling) ----

/** `+k8s:ifDisabled(G)=+k8s:forbidden`, for callers whose gate is off: a set value is Forbidden. */
export function validateForbiddenIfSet(path: string, present: boolean): FieldError[] {
  return present ? [forbidden(path)] : [];
}

/** At most one topology constraint (WL-17, PG-09). */
export function validateTopologyMaxItems(path: string, constraints: PodGroupSchedulingConstraints | undefined): FieldError[] {
  return validateMaxItems(`${path}.topology`, constraints?.topology, MAX_TOPOLOGY_CONSTRAINTS);
}

/** Each `topology[k].key` is required and a label key; skipped when the list is too long (WL-18, PG-09). */
export function validateTopologyKeys(path: string, constraints: PodGroupSchedulingConstraints | undefined): FieldError[] {
  const topology = constraints?.topology ?? [];
  if (topology.length > MAX_TOPOLOGY_CONSTRAINTS) return [];
  return topology.flatMap((t, k) => validateRequiredString(`${path}.topology[${k}].key`, t.key, validateLabelKey));
}

// ---- resourceClaims (DRAWorkloadResourceClaims; no gate in the declarative tags) ----

/** At most 4 claims (WL-19, PG-10). */
export function validateClaimsMaxItems(path: string, claims: readonly PodGroupResourceClaim[] | undefined): FieldError[] {
  return validateMaxItems(path, claims, MAX_RESOURCE_CLAIMS);
}

/** Unique claim names; skipped when the list is too long (early return) (WL-20, PG-10). */
export function validateClaimsUnique(path: string, claims: readonly PodGroupResourceClaim[] | undefined): FieldError[] {
  if ((claims?.length ?? 0) > MAX_RESOURCE_CLAIMS) return [];
  return validateUniqueKeys(path, claims, (c) => c.name ?? '', claimBadValue);
}

/** Runs `check` on every claim at `path[j]`, unless the list fails its maxItems pre-check. */
export function eachClaim(
  path: string,
  claims: readonly PodGroupResourceClaim[] | undefined,
  check: (itemPath: string, claim: PodGroupResourceClaim) => FieldError[],
): FieldError[] {
  if (!claims || claims.length > MAX_RESOURCE_CLAIMS) return [];
  return claims.flatMap((c, j) => check(`${path}[${j}]`, c));
}

/** Exactly one source per claim (WL-22, PG-10). */
export const validateClaimSourceUnion = (itemPath: string, claim: PodGroupResourceClaim): FieldError[] =>
  validateUnion(itemPath, [
    ['resourceClaimName', claim.resourceClaimName],
    ['resourceClaimTemplateName', claim.resourceClaimTemplateName],
  ]);

/** `name` required, a DNS label (WL-21, PG-10). */
export const validateClaimName = (itemPath: string, claim: PodGroupResourceClaim): FieldError[] =>
  validateRequiredString(`${itemPath}.name`, claim.name, validateShortName);

/** Both source names are DNS subdomains when set (WL-23, PG-10). */
export const validateClaimSourceNames = (itemPath: string, claim: PodGroupResourceClaim): FieldError[] => [
  ...(isSet(claim.resourceClaimName) ? validateLongName(`${itemPath}.resourceClaimName`, claim.resourceClaimName ?? '') : []),
  ...(isSet(claim.resourceClaimTemplateName)
    ? validateLongName(`${itemPath}.resourceClaimTemplateName`, claim.resourceClaimTemplateName ?? '')
    : []),
];

/** A whole claim list checked as one field: at most 4, unique names, each claim valid (PG-10, JOB-26). */
export function validateClaimList(path: string, claims: readonly PodGroupResourceClaim[] | undefined): FieldError[] {
  return [
    ...validateClaimsMaxItems(path, claims),
    ...validateClaimsUnique(path, claims),
    ...eachClaim(path, claims, (itemPath, claim) => [
      ...validateClaimSourceUnion(itemPath, claim),
      ...validateClaimName(itemPath, claim),
      ...validateClaimSourceNames(itemPath, claim),
    ]),
  ];
}

// ---- WorkloadAwarePreemption fields ----

// Each is Forbidden when set with the gate off, else checked; `wapOn` is the gate.

/**
 * disruptionMode (WL-25, PG-11): an enum. On PodGroups `+default` makes it required with the gate
 * on (`requiredWhenOn`); templates are not defaulted, so there it is optional.
 */
export function validateDisruptionMode(path: string, mode: string | undefined, wapOn: boolean, requiredWhenOn: boolean): FieldError[] {
  if (!wapOn) return validateForbiddenIfSet(path, isSet(mode));
  if (!isSet(mode)) return requiredWhenOn ? [required(path)] : [];
  return validateEnum(path, mode ?? '', DISRUPTION_MODES);
}

/** priorityClassName (WL-26, PG-12): a plain string, so only a non-empty value counts; a DNS subdomain. */
export function validatePriorityClassName(path: string, name: string | undefined, wapOn: boolean): FieldError[] {
  if (!wapOn) return validateForbiddenIfSet(path, !!name);
  return name ? validateLongName(path, name) : [];
}

/** priority (WL-27, PG-13): ≤ HighestUserDefinablePriority; the int32 minimum cannot be decoded past. */
export function validatePriority(path: string, priority: number | undefined, wapOn: boolean): FieldError[] {
  if (!wapOn) return validateForbiddenIfSet(path, isSet(priority));
  return isSet(priority) ? validateMaximum(path, priority ?? 0, HIGHEST_USER_DEFINABLE_PRIORITY) : [];
}

// ---- update ----

/**
 * An immutable field whose gate decides its tags (PG-23, PG-25..27): unchanged passes (ratcheting);
 * with the gate on any change is immutable; with it off only a change to a present value is
 * Forbidden (clearing it is accepted).
 */
export function validateGatedImmutable(
  path: string,
  oldValue: unknown,
  newValue: unknown,
  gateOn: boolean,
  present: boolean,
): FieldError[] {
  if (semanticEqual(oldValue, newValue)) return [];
  if (gateOn) return [immutable(path)];
  return present ? [forbidden(path)] : [];
}

/** Plain immutability (WL-28, WL-29, PG-21, PG-22, PG-24). */
export function validateImmutable(path: string, oldValue: unknown, newValue: unknown): FieldError[] {
  return semanticEqual(oldValue, newValue) ? [] : [immutable(path)];
}

// ---- Go JSON rendering of whole items (M-DUP bad values) ----
// Duplicate errors carry the v1alpha2 struct, printed with json.Marshal: fields in declaration
// order; `omitempty` drops nil pointers, "" strings and empty lists; fields without it always print.

/** A PodGroupResourceClaim: `name` always; both sources are omitempty pointers. */
export function claimBadValue(claim: PodGroupResourceClaim): Record<string, unknown> {
  return {
    name: claim.name ?? '',
    ...(isSet(claim.resourceClaimName) ? { resourceClaimName: claim.resourceClaimName } : {}),
    ...(isSet(claim.resourceClaimTemplateName) ? { resourceClaimTemplateName: claim.resourceClaimTemplateName } : {}),
  };
}

/** A PodGroupTemplate. `schedulingConstraints` has no omitempty in v0.36.3, so nil prints `null`. */
export function templateBadValue(t: PodGroupTemplate): BadValue {
  const policy = t.schedulingPolicy ?? {};
  const constraints = isSet(t.schedulingConstraints) ? t.schedulingConstraints : undefined;
  const topology = constraints?.topology ?? [];
  return {
    name: t.name ?? '',
    schedulingPolicy: {
      ...(isSet(policy.basic) ? { basic: {} } : {}),
      ...(isSet(policy.gang) ? { gang: { minCount: policy.gang?.minCount ?? 0 } } : {}),
    },
    schedulingConstraints: constraints ? (topology.length ? { topology: topology.map((c) => ({ key: c.key ?? '' })) } : {}) : null,
    ...(t.resourceClaims?.length ? { resourceClaims: t.resourceClaims.map(claimBadValue) } : {}),
    ...(isSet(t.disruptionMode) ? { disruptionMode: t.disruptionMode } : {}),
    ...(t.priorityClassName ? { priorityClassName: t.priorityClassName } : {}),
    ...(isSet(t.priority) ? { priority: t.priority } : {}),
  };
}
