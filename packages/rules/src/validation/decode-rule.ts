// WL-00 / PG-00: the object decodes, i.e. every field our rules read has its JSON type (see shape.ts).

import type { KnownKind } from '@kubectl-workload/api';
import { defineRule } from '../rule.js';
import type { Rule, SubResource } from '../rule.js';
import { validateShape } from './shape.js';
import type { Shape } from './shape.js';

export function decodeRule(kind: KnownKind, id: string, shape: Shape, subResources: readonly SubResource[]): Rule {
  return defineRule({
    id,
    doc: `Every ${kind} field has its JSON type (the API server refuses to decode the object otherwise); no other rule runs on an object that fails.`,
    severity: 'error',
    style: 'field',
    kinds: [kind],
    operations: ['CREATE', 'UPDATE'],
    subResources,
    decode: true,
    check: ({ object }) => validateShape('', object, shape),
  });
}
