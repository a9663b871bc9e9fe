// Validators for the fields Kubernetes 1.37 changed or added (api-rules-1.37.md §1.1, §4–§6): the
// disruptionMode union, preemptionPolicy, and the update tags that replaced whole-field immutability.

import { forbidden, invalid, required } from '@kubectl-workload/api';
import type { DisruptionMode137, FieldError } from '@kubectl-workload/api';
import {
  immutable,
  isSet,
  MAX_POD_GROUP_TEMPLATES,
  semanticEqual,
  validateEnum,
  validateMaxItems,
  validateMinimum,
  validateUnion,
  validateUniqueKeys,
} from '../../validation/index.js';

/** M-UNION-DM; `required` on PodGroups and CompositePodGroups, whose `+default` makes it so (PG-11, CPG-08). */
export function validateDisruptionModeUnion(path: string, mode: DisruptionMode137 | undefined, requiredField: boolean): FieldError[] {
  if (!isSet(mode)) return requiredField ? [required(path)] : [];
  return validateUnion(path, [
    ['single', mode?.single],
    ['all', mode?.all],
  ]);
}

/** M-ENUM-PP: the supported values are listed sorted. */
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'] as const;

/** preemptionPolicy (WL-32, PG-61, CPG-10): Forbidden while PodGroupPreemptionPolicy is off, else the enum. */
export function validatePreemptionPolicy(path: string, policy: string | undefined, gateOn: boolean): FieldError[] {
  if (!isSet(policy)) return [];
  if (!gateOn) return [forbidden(path)];
  return validateEnum(path, policy ?? '', PREEMPTION_POLICIES);
}

/** M-NOSET / M-NOUNSET (`+k8s:update=NoSet,NoUnset`): the member may change but not appear or disappear. */
export function validateNoSetNoUnset(path: string, oldValue: unknown, newValue: unknown): FieldError[] {
  if (!isSet(oldValue) && isSet(newValue)) return [invalid(path, null, 'field cannot be set once created')];
  if (isSet(oldValue) && !isSet(newValue)) return [invalid(path, null, 'field cannot be cleared once set')];
  return [];
}

/** A pod group policy (`gang.minCount`) or a composite one (`gang.minGroupCount`). */
export interface PolicyLike {
  basic?: unknown;
  gang?: { minCount?: number; minGroupCount?: number };
}

/**
 * A scheduling policy on update in 1.37 (WL-29, WL-34, PG-22): `basic` immutable, `gang`
 * NoSet/NoUnset, and the gang's count mutable but still ≥ 1 (its create checks run again when it changed).
 */
export function validatePolicyUpdate(
  path: string,
  oldPolicy: PolicyLike | undefined,
  policy: PolicyLike | undefined,
  count: 'minCount' | 'minGroupCount' = 'minCount',
): FieldError[] {
  const errs: FieldError[] = [];
  if (!semanticEqual(oldPolicy?.basic, policy?.basic)) errs.push(immutable(`${path}.basic`));
  errs.push(...validateNoSetNoUnset(`${path}.gang`, oldPolicy?.gang, policy?.gang));
  const value = policy?.gang?.[count];
  if (isSet(oldPolicy?.gang) && isSet(policy?.gang) && value !== oldPolicy?.gang?.[count]) {
    errs.push(...validateGangCount(`${path}.gang.${count}`, value));
  }
  return errs;
}

/** A gang count (minCount, minGroupCount) is a plain int32: 0 or absent is Required (M-REQ), else ≥ 1 (M-MIN). */
function validateGangCount(path: string, value: number | undefined): FieldError[] {
  return value ? validateMinimum(path, value, 1) : [required(path)];
}

/** A composite scheduling policy (WL-34, CPG-05): exactly one of basic, gang; gang.minGroupCount required and ≥ 1. */
export function validateCompositePolicy(path: string, policy: PolicyLike | undefined): FieldError[] {
  const union = validateUnion(path, [
    ['basic', policy?.basic],
    ['gang', policy?.gang],
  ]);
  return isSet(policy?.gang) ? [...union, ...validateGangCount(`${path}.gang.minGroupCount`, policy?.gang?.minGroupCount)] : union;
}

/** Each path of `fields` whose value changed is M-IMM on its own path (1.37 tags fields one by one). */
export function validateEachImmutable<T extends object>(
  path: string,
  oldValue: T | undefined,
  value: T | undefined,
  fields: ReadonlyArray<keyof T & string>,
): FieldError[] {
  return fields.filter((field) => !semanticEqual(oldValue?.[field], value?.[field])).map((field) => immutable(`${path}.${field}`));
}

/**
 * M-NOADD / M-NOREMOVE on a list-map keyed by `name` (WL-29, WL-33): a new name is Forbidden at its
 * index, a vanished one at the list path, once per removed item.
 */
export function validateNoAddNoRemove(
  path: string,
  oldItems: ReadonlyArray<{ name?: string }>,
  items: ReadonlyArray<{ name?: string }>,
): FieldError[] {
  const oldNames = new Set(oldItems.map((item) => item.name));
  const names = new Set(items.map((item) => item.name));
  const added = items.flatMap((item, i) => (oldNames.has(item.name) ? [] : [forbidden(`${path}[${i}]`, 'item may not be added')]));
  const removed = oldItems.filter((item) => !names.has(item.name)).map(() => forbidden(path, 'item may not be removed'));
  return [...added, ...removed];
}

/**
 * A list of templates keyed by name (WL-33, WL-34): at most 8, names unique. maxItems is a
 * pre-check, so a too-long list is not also checked for duplicates (early return, api-rules §5).
 */
export function validateTemplateList(path: string, items: ReadonlyArray<{ name?: string }> | undefined): FieldError[] {
  const tooMany = validateMaxItems(path, items, MAX_POD_GROUP_TEMPLATES);
  if (tooMany.length) return tooMany;
  return validateUniqueKeys(
    path,
    items,
    (t) => t.name,
    (t) => t as Record<string, unknown>,
  );
}

/** The old item with the same `name`: 1.37 correlates template list items by name on update. */
export function byName<T extends { name?: string }>(items: readonly T[], name: string | undefined): T | undefined {
  return items.find((item) => item.name === name);
}
