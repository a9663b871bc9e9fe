// The webhook's mutation for template-backed PodGroups: fill what the user left unset from the template.

import type { PodGroupPolicyFields } from '@kubectl-workload/api';
import { TEMPLATE_FIELDS } from './compare.js';

export interface TemplatePatchOperation {
  op: 'add';
  path: string;
  value: unknown;
}

/**
 * A deep copy of a JSON value (what templates are: parsed manifests or API objects). structuredClone
 * serialises through V8's value serializer, which cost the webhook more than the rest of a mutation.
 */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyJson(item);
  return copy as T;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * JSON-patch `add` operations that copy the template's value into every PodGroup field the user
 * left unset; fields the user set are never overwritten. Values are deep copies.
 */
export function fillFromTemplate(podGroupSpec: PodGroupPolicyFields | undefined, template: PodGroupPolicyFields): TemplatePatchOperation[] {
  const missing = TEMPLATE_FIELDS.filter((field) => isSet(template[field]) && !isSet(podGroupSpec?.[field]));
  if (!missing.length) return [];
  if (!podGroupSpec) {
    return [{ op: 'add', path: '/spec', value: copyJson(Object.fromEntries(missing.map((f) => [f, template[f]]))) }];
  }
  return missing.map((field) => ({ op: 'add', path: `/spec/${field}`, value: copyJson(template[field]) }));
}
