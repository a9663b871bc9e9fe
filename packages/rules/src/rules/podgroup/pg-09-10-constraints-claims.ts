import { isSet, validateClaimList, validateTopologyKeys, validateTopologyMaxItems } from '../../validation/index.js';
import { droppedByGate } from '../../rule.js';
import { defineSpecCreateRule } from './spec-rule.js';

const TAS = 'TopologyAwareWorkloadScheduling';
const CONSTRAINTS = 'spec.schedulingConstraints';
const CLAIMS = 'spec.resourceClaims';

/** PG-09: with the gate off the field is dropped on create (a warning), and nothing inside is validated. */
export const pg09 = defineSpecCreateRule({
  id: 'PG-09',
  doc: 'spec.schedulingConstraints: dropped (a warning) while TopologyAwareWorkloadScheduling is off; else at most 1 topology entry with a valid label key.',
  readsGates: [TAS],
  check: (spec, { gates }) => {
    const c = spec.schedulingConstraints;
    if (!gates[TAS]) return isSet(c) ? [droppedByGate(CONSTRAINTS, TAS)] : [];
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
  check: (spec) => validateClaimList(CLAIMS, spec.resourceClaims),
});
