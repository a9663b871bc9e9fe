import type { PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { validateMetadataName, validateMetadataNamespace, validateMetadataUpdate } from '../../validation/index.js';

const base = { severity: 'error', style: 'field', kinds: ['PodGroup'], subResources: [''] } as const;

/** PG-01. */
export const pg01 = defineRule<PodGroup>({
  ...base,
  id: 'PG-01',
  doc: 'metadata.name is required (or generateName) and must be a DNS-1123 subdomain.',
  operations: ['CREATE'],
  check: ({ object }) => validateMetadataName(object.metadata),
});

/** PG-02: an omitted namespace is the request's, never `Required` (see validateMetadataNamespace). */
export const pg02 = defineRule<PodGroup>({
  ...base,
  id: 'PG-02',
  doc: 'metadata.namespace must be a DNS-1123 label (an omitted namespace is filled from the request).',
  operations: ['CREATE'],
  check: ({ object }) => validateMetadataNamespace(object.metadata),
});

/** PG-20. */
export const pg20 = defineRule<PodGroup>({
  ...base,
  id: 'PG-20',
  doc: 'metadata.name and metadata.namespace cannot change on update.',
  operations: ['UPDATE'],
  check: ({ object, oldObject }) => validateMetadataUpdate(object.metadata, oldObject?.metadata),
});
