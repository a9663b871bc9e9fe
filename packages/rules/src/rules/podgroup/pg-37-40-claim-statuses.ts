// status.resourceClaimStatuses. PG-39 is hand-written (always checked, against the spec, which a
// /status update cannot change); PG-37/38/40 are declarative, so an unchanged list or item is not
// re-validated, and too many items skips the per-item checks.

import { invalid } from '@kubectl-workload/api';
import type { PodGroupResourceClaimStatus } from '@kubectl-workload/api';
import {
  MAX_RESOURCE_CLAIMS,
  isSet,
  listOf,
  semanticEqual,
  unchangedOnUpdate,
  validateLongName,
  validateMaxItems,
  validateUniqueKeys,
} from '../../validation/index.js';
import { defineStatusRule } from './status-rule.js';

const PATH = 'status.resourceClaimStatuses';

const statusBadValue = (s: PodGroupResourceClaimStatus) => ({
  name: s.name ?? '',
  ...(isSet(s.resourceClaimName) ? { resourceClaimName: s.resourceClaimName } : {}),
});

/** PG-39. */
export const pg39 = defineStatusRule({
  id: 'PG-39',
  doc: 'Each resourceClaimStatuses name matches a claim in spec.resourceClaims.',
  check: (status, { object, oldObject }) => {
    const names = new Set(listOf((oldObject ?? object).spec?.resourceClaims).map((c) => c?.name));
    return (status.resourceClaimStatuses ?? []).flatMap((s, i) =>
      names.has(s.name) ? [] : [invalid(`${PATH}[${i}].name`, s.name ?? '', 'must match the name of an entry in `spec.resourceClaims`')],
    );
  },
});

/** PG-37. */
export const pg37 = defineStatusRule({
  id: 'PG-37',
  doc: 'status.resourceClaimStatuses has at most 4 items.',
  check: (status, { operation, oldObject }) =>
    unchangedOnUpdate(operation, oldObject?.status?.resourceClaimStatuses, status.resourceClaimStatuses)
      ? []
      : validateMaxItems(PATH, status.resourceClaimStatuses, MAX_RESOURCE_CLAIMS),
});

/** PG-38. */
export const pg38 = defineStatusRule({
  id: 'PG-38',
  doc: 'status.resourceClaimStatuses names are unique.',
  skipIfFailed: ['PG-37'],
  check: (status, { operation, oldObject }) =>
    unchangedOnUpdate(operation, oldObject?.status?.resourceClaimStatuses, status.resourceClaimStatuses)
      ? []
      : validateUniqueKeys(PATH, status.resourceClaimStatuses, (s) => s.name ?? '', statusBadValue),
});

/** PG-40: an item equal to the old item of the same name is not re-validated. */
export const pg40 = defineStatusRule({
  id: 'PG-40',
  doc: 'status.resourceClaimStatuses[].resourceClaimName, when set, is a DNS-1123 subdomain.',
  skipIfFailed: ['PG-37'],
  check: (status, { oldObject }) => {
    const old = listOf(oldObject?.status?.resourceClaimStatuses);
    return (status.resourceClaimStatuses ?? []).flatMap((s, i) => {
      if (!isSet(s.resourceClaimName) || old.some((o) => o?.name === s.name && semanticEqual(o, s))) return [];
      return validateLongName(`${PATH}[${i}].resourceClaimName`, s.resourceClaimName ?? '');
    });
  },
});
