// The webhook's mutation for template-backed PodGroups: fill what the user left unset from the template.

import type { PodGroupPolicyFields } from '@kubectl-workload/api';
import { TEMPLATE_FIELDS } from './compare.js';

export interface TemplatePatchOperation {
  op: 'add';
  path: string;
  value: unknown;
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
    return [{ op: 'add', path: '/spec', value: structuredClone(Object.fromEntries(missing.map((f) => [f, template[f]]))) }];
  }
  return missing.map((field) => ({ op: 'add', path: `/spec/${field}`, value: structuredClone(template[field]) }));
}
