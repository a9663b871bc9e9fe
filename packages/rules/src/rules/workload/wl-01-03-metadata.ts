import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { validateMetadataName, validateMetadataNamespace, validateMetadataUpdate } from '../../validation/index.js';

const base = { severity: 'error', style: 'field', kinds: ['Workload'], subResources: [''] } as const;

/** WL-01: `metadata.name` required (or generateName), a DNS-1123 subdomain. */
export const wl01 = defineRule<Workload>({
  ...base,
  id: 'WL-01',
  doc: 'metadata.name is required (or generateName) and must be a DNS-1123 subdomain.',
  operations: ['CREATE'],
  check: ({ object }) => validateMetadataName(object.metadata),
});

/** WL-02: `metadata.namespace` a DNS-1123 label; an absent one is the request's (see validateMetadataNamespace). */
export const wl02 = defineRule<Workload>({
  ...base,
  id: 'WL-02',
  doc: 'metadata.namespace must be a DNS-1123 label (an omitted namespace is filled from the request).',
  operations: ['CREATE'],
  check: ({ object }) => validateMetadataNamespace(object.metadata),
});

/** WL-03: name and namespace cannot change. */
export const wl03 = defineRule<Workload>({
  ...base,
  id: 'WL-03',
  doc: 'metadata.name and metadata.namespace cannot change on update.',
  operations: ['UPDATE'],
  check: ({ object, oldObject }) => validateMetadataUpdate(object.metadata, oldObject?.metadata),
});
