// spec.controllerRef (WL-12..15): optional; when present, kind and name are path segment names
// (not DNS names) and apiGroup, if non-empty, a DNS subdomain. Create only: on update the field is
// immutable (WL-28) or unchanged (ratcheting).

import type { FieldError, TypedLocalObjectReference, Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { validateLongName, validatePathSegmentName, validateRequiredString } from '../../validation/index.js';

const PATH = 'spec.controllerRef';

function controllerRefRule(id: string, doc: string, check: (ref: TypedLocalObjectReference) => FieldError[]) {
  return defineRule<Workload>({
    id,
    doc,
    severity: 'error',
    style: 'field',
    kinds: ['Workload'],
    operations: ['CREATE'],
    subResources: [''],
    check: ({ object }) => (object.spec?.controllerRef ? check(object.spec.controllerRef) : []),
  });
}

/** WL-13. */
export const wl13 = controllerRefRule('WL-13', 'spec.controllerRef.apiGroup, when non-empty, must be a DNS-1123 subdomain.', (ref) =>
  ref.apiGroup ? validateLongName(`${PATH}.apiGroup`, ref.apiGroup) : [],
);

/** WL-14. */
export const wl14 = controllerRefRule('WL-14', 'spec.controllerRef.kind is required and must be a path segment name.', (ref) =>
  validateRequiredString(`${PATH}.kind`, ref.kind, validatePathSegmentName),
);

/** WL-15. */
export const wl15 = controllerRefRule('WL-15', 'spec.controllerRef.name is required and must be a path segment name.', (ref) =>
  validateRequiredString(`${PATH}.name`, ref.name, validatePathSegmentName),
);
