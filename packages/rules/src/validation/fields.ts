// Field-level validators: a path and a value in, the API server's field errors out (spec
// api-rules §1.1). Declarative-validation texts (M-LABEL, M-SUB, M-LABELKEY, M-PATHSEG) say
// "bytes"; the metadata validators (M-META-SUB, M-META-NS) say "characters".

import { invalid, notSupported, tooLong, tooMany, required, duplicate } from '@kubectl-workload/api';
import type { BadValue, FieldError } from '@kubectl-workload/api';
import {
  byteLength,
  conditionReasonErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelKeyErrors,
  pathSegmentNameErrors,
} from './content.js';

const each = (path: string, value: string, details: readonly string[]): FieldError[] => details.map((d) => invalid(path, value, d));

/** DV `format=k8s-short-name` (M-LABEL): a DNS-1123 label, at most 63 bytes. */
export const validateShortName = (path: string, value: string): FieldError[] => each(path, value, dns1123LabelErrors(value, 'bytes'));

/** DV `format=k8s-long-name` (M-SUB): a DNS-1123 subdomain, at most 253 bytes. */
export const validateLongName = (path: string, value: string): FieldError[] => each(path, value, dns1123SubdomainErrors(value, 'bytes'));

/** M-LABELKEY: DV `format=k8s-label-key`, and metav1 ValidateLabelName (condition types) which shares its texts. */
export const validateLabelKey = (path: string, value: string): FieldError[] => each(path, value, labelKeyErrors(value));

/** DV `format=k8s-path-segment-name` (M-PATHSEG). */
export const validatePathSegmentName = (path: string, value: string): FieldError[] => each(path, value, pathSegmentNameErrors(value));

/** util/validation DNS-1123 subdomain (M-META-SUB): `metadata.name`, core name fields. */
export const validateDnsSubdomainName = (path: string, value: string): FieldError[] =>
  each(path, value, dns1123SubdomainErrors(value, 'characters'));

/** util/validation DNS-1123 label (M-META-NS): `metadata.namespace`. */
export const validateDnsLabelName = (path: string, value: string): FieldError[] =>
  each(path, value, dns1123LabelErrors(value, 'characters'));

export const CONDITION_REASON_MAX_LENGTH = 1024;

/** PG-35: metav1 condition reason: required, format, at most 1024 bytes. */
export function validateConditionReason(path: string, value: string | undefined): FieldError[] {
  if (!value) return [required(path)];
  const errs = each(path, value, conditionReasonErrors(value));
  if (byteLength(value) > CONDITION_REASON_MAX_LENGTH) errs.push(tooLongBytes(path, CONDITION_REASON_MAX_LENGTH));
  return errs;
}

/** field.TooLong with a byte limit: `may not be more than N bytes` (the value is never printed). */
export function tooLongBytes(path: string, max: number): FieldError {
  return tooLong(path, `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`);
}

/** A required string: empty is `Required value`, anything else goes through `validate`. */
export function validateRequiredString(
  path: string,
  value: string | undefined,
  validate: (path: string, value: string) => FieldError[],
): FieldError[] {
  return value ? validate(path, value) : [required(path)];
}

/** Go's "is this optional member set": a non-nil pointer. YAML `null` and an absent key are both nil. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * DV union (M-UNION0 / M-UNION2): exactly one member set. `members` are [JSON name, value] in
 * declaration order. apimachinery v0.36.3 `validate.Union` builds the "several set" bad value with
 * Sprintf("{%s}"), a Go string, so it prints quoted: `Invalid value: "{basic, gang}"`.
 */
export function validateUnion(path: string, members: ReadonlyArray<readonly [string, unknown]>): FieldError[] {
  const set = members.filter(([, v]) => isSet(v)).map(([name]) => name);
  if (set.length === 1) return [];
  const names = members.map(([name]) => `\`${name}\``).join(', ');
  if (!set.length) return [invalid(path, '', `must specify one of: ${names}`)];
  return [invalid(path, `{${set.join(', ')}}`, `must specify exactly one of: ${names}`)];
}

/** M-IMM: DV immutable, reported with a nil bad value. */
export const immutable = (path: string): FieldError => invalid(path, null, 'field is immutable');

/** apimachinery ValidateImmutableField (metadata): reported with the new value. */
export const immutableValue = (path: string, newValue: BadValue): FieldError => invalid(path, newValue, 'field is immutable');

/** M-MAXITEMS. */
export function validateMaxItems(path: string, items: readonly unknown[] | undefined, max: number): FieldError[] {
  return items && items.length > max ? [tooMany(path, items.length, max)] : [];
}

/** M-MIN. */
export function validateMinimum(path: string, value: number, min: number): FieldError[] {
  return value < min ? [invalid(path, value, `must be greater than or equal to ${min}`)] : [];
}

/** M-MAX. */
export function validateMaximum(path: string, value: number, max: number): FieldError[] {
  return value > max ? [invalid(path, value, `must be less than or equal to ${max}`)] : [];
}

/** M-ENUM: `supported values` in the order given (the API server lists them sorted). */
export function validateEnum(path: string, value: string, supported: readonly string[]): FieldError[] {
  return supported.includes(value) ? [] : [notSupported(path, value, supported)];
}

/**
 * M-DUP: a list-map key must be unique; every later item repeating an earlier key is a Duplicate
 * at `path[j]` whose bad value is `badValue(item)` (DV prints the whole item).
 */
export function validateUniqueKeys<T>(
  path: string,
  items: readonly T[] | undefined,
  key: (item: T) => unknown,
  badValue: (item: T) => BadValue,
): FieldError[] {
  const seen = new Set<unknown>();
  const errs: FieldError[] = [];
  (items ?? []).forEach((item, j) => {
    const k = key(item);
    if (seen.has(k)) errs.push(duplicate(`${path}[${j}]`, badValue(item)));
    else seen.add(k);
  });
  return errs;
}
