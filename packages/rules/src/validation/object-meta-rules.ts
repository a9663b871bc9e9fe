// The three ObjectMeta rules every namespaced kind shares (WL-01..03, PG-01/02/20), defined once.

import type { KnownKind } from '@kubectl-workload/api';
import { defineRule } from '../rule.js';
import type { Rule } from '../rule.js';
import { validateMetadataName, validateMetadataNamespace, validateMetadataUpdate } from './object-meta.js';

export interface ObjectMetaRuleIds {
  name: string;
  namespace: string;
  update: string;
}

/** [name (CREATE), namespace (CREATE), name/namespace immutable (UPDATE)] for `kind`'s main resource. */
export function objectMetaRules(kind: KnownKind, ids: ObjectMetaRuleIds): [Rule, Rule, Rule] {
  const base = { severity: 'error', style: 'field', kinds: [kind], subResources: [''] } as const;
  return [
    defineRule({
      ...base,
      id: ids.name,
      doc: 'metadata.name is required (or generateName) and must be a DNS-1123 subdomain.',
      operations: ['CREATE'],
      check: ({ object }) => validateMetadataName(object.metadata),
    }),
    defineRule({
      ...base,
      id: ids.namespace,
      doc: 'metadata.namespace must be a DNS-1123 label (an omitted namespace is filled from the request).',
      operations: ['CREATE'],
      check: ({ object }) => validateMetadataNamespace(object.metadata),
    }),
    defineRule({
      ...base,
      id: ids.update,
      doc: 'metadata.name and metadata.namespace cannot change on update.',
      operations: ['UPDATE'],
      check: ({ object, oldObject }) => validateMetadataUpdate(object.metadata, oldObject?.metadata),
    }),
  ];
}
