// ObjectMeta name/namespace checks shared by every namespaced kind (WL-01..03, PG-01/02/20),
// as apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate word them.

import { required } from '@kubectl-workload/api';
import type { FieldError, ObjectMeta } from '@kubectl-workload/api';
import { immutableValue, validateDnsLabelName, validateDnsSubdomainName } from './fields.js';

/** NameIsDNSSubdomain with prefix=true checks generateName with a trailing dash masked (`ab-` → `aa`). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/**
 * `metadata.name` on create (WL-01, PG-01). A manifest with only `generateName` gets its name from
 * the API server before validation, so only the prefix is checked then.
 */
export function validateMetadataName(meta: ObjectMeta | undefined): FieldError[] {
  const name = meta?.name ?? '';
  const generateName = meta?.generateName ?? '';
  const errs: FieldError[] = [];
  if (generateName)
    errs.push(
      ...validateDnsSubdomainName('metadata.generateName', maskTrailingDash(generateName)).map((e) => ({ ...e, badValue: generateName })),
    );
  if (name) errs.push(...validateDnsSubdomainName('metadata.name', name));
  else if (!generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  return errs;
}

/**
 * `metadata.namespace` on create (WL-02, PG-02). An absent namespace is never an error here: the
 * API server fills it from the request URL (kubectl sends its context namespace) before
 * validating, so `Required value` cannot reach a user.
 */
export function validateMetadataNamespace(meta: ObjectMeta | undefined): FieldError[] {
  const ns = meta?.namespace;
  return ns ? validateDnsLabelName('metadata.namespace', ns) : [];
}

/** Name and namespace cannot change (WL-03, PG-20); an absent namespace means the request's. */
export function validateMetadataUpdate(meta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const name = meta?.name ?? '';
  if (name !== (oldMeta?.name ?? '')) errs.push(immutableValue('metadata.name', name));
  const ns = meta?.namespace;
  const oldNs = oldMeta?.namespace;
  if (ns && oldNs && ns !== oldNs) errs.push(immutableValue('metadata.namespace', ns));
  return errs;
}
