import {
  eachClaim,
  isSet,
  validateClaimName,
  validateClaimsMaxItems,
  validateClaimSourceNames,
  validateClaimSourceUnion,
  validateClaimsUnique,
  validateForbiddenIfSet,
  validateTopologyKeys,
  validateTopologyMaxItems,
} from '../../validation/index.js';
import { defineSpecCreateRule } from './spec-rule.js';

const TAS = 'TopologyAwareWorkloadScheduling';
const CONSTRAINTS = 'spec.schedulingConstraints';
const CLAIMS = 'spec.resourceClaims';

/** PG-09: Forbidden with the gate off is a pre-check: nothing inside is validated then. */
export const pg09 = defineSpecCreateRule({
  id: 'PG-09',
  doc: 'spec.schedulingConstraints: forbidden while TopologyAwareWorkloadScheduling is off; else at most 1 topology entry with a valid label key.',
  readsGates: [TAS],
  check: (spec, { gates }) => {
    const c = spec.schedulingConstraints;
    if (!gates[TAS]) return validateForbiddenIfSet(CONSTRAINTS, isSet(c));
    return [...validateTopologyMaxItems(CONSTRAINTS, c), ...validateTopologyKeys(CONSTRAINTS, c)];
  },
});

/**
 * PG-10: the declarative tags do not gate claims (the strategy drops them on create while
 * DRAWorkloadResourceClaims is off). Too many claims skips every per-claim check (early return).
 */
export const pg10 = defineSpecCreateRule({
  id: 'PG-10',
  doc: 'spec.resourceClaims: at most 4, unique names, each a DNS-1123 label name and exactly one DNS-subdomain source.',
  check: (spec) => {
    const claims = spec.resourceClaims;
    return [
      ...validateClaimsMaxItems(CLAIMS, claims),
      ...validateClaimsUnique(CLAIMS, claims),
      ...eachClaim(CLAIMS, claims, (path, claim) => [...validateClaimSourceUnion(path, claim), ...validateClaimName(path, claim), ...validateClaimSourceNames(path, claim)]),
    ];
  },
});
