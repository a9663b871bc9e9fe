// PodGroup spec immutability on update (PG-21..27), one error on each changed field's own path.
// Gated fields: with the gate on any change is immutable; with it off a change to a present value
// is Forbidden and clearing it passes (derived from the generated code; no upstream test for PG-23).

import { isSet, validateGatedImmutable, validateImmutable } from '../../validation/index.js';
import { defineSpecUpdateRule } from './spec-rule.js';

const TAS = 'TopologyAwareWorkloadScheduling';
const WAP = 'WorkloadAwarePreemption';

/** PG-21: also suppresses the union check on `{}` (content checks are create-only). */
export const pg21 = defineSpecUpdateRule({
  id: 'PG-21',
  doc: 'spec.podGroupTemplateRef is immutable (set, unset or changed).',
  check: (spec, old) => validateImmutable('spec.podGroupTemplateRef', old.podGroupTemplateRef, spec.podGroupTemplateRef),
});

/** PG-22: minCount and gang↔basic switches included, reported once on the policy. */
export const pg22 = defineSpecUpdateRule({
  id: 'PG-22',
  doc: 'spec.schedulingPolicy is immutable.',
  check: (spec, old) => validateImmutable('spec.schedulingPolicy', old.schedulingPolicy, spec.schedulingPolicy),
});

/** PG-23. */
export const pg23 = defineSpecUpdateRule({
  id: 'PG-23',
  doc: 'spec.schedulingConstraints is immutable; while TopologyAwareWorkloadScheduling is off a changed non-nil value is forbidden.',
  readsGates: [TAS],
  check: (spec, old, { gates }) =>
    validateGatedImmutable('spec.schedulingConstraints', old.schedulingConstraints, spec.schedulingConstraints, gates[TAS], isSet(spec.schedulingConstraints)),
});

/** PG-24: gate-independent at validation level. */
export const pg24 = defineSpecUpdateRule({
  id: 'PG-24',
  doc: 'spec.resourceClaims is immutable (add, change, remove).',
  check: (spec, old) => validateImmutable('spec.resourceClaims', old.resourceClaims, spec.resourceClaims),
});

/** PG-25. */
export const pg25 = defineSpecUpdateRule({
  id: 'PG-25',
  doc: 'spec.disruptionMode is immutable; while WorkloadAwarePreemption is off a changed non-nil value is forbidden.',
  readsGates: [WAP],
  check: (spec, old, { gates }) => validateGatedImmutable('spec.disruptionMode', old.disruptionMode, spec.disruptionMode, gates[WAP], isSet(spec.disruptionMode)),
});

/** PG-26. */
export const pg26 = defineSpecUpdateRule({
  id: 'PG-26',
  doc: 'spec.priorityClassName is immutable; while WorkloadAwarePreemption is off a change to a non-empty value is forbidden.',
  readsGates: [WAP],
  check: (spec, old, { gates }) =>
    validateGatedImmutable('spec.priorityClassName', old.priorityClassName ?? '', spec.priorityClassName ?? '', gates[WAP], !!spec.priorityClassName),
});

/** PG-27. */
export const pg27 = defineSpecUpdateRule({
  id: 'PG-27',
  doc: 'spec.priority is immutable; while WorkloadAwarePreemption is off a changed non-nil value is forbidden.',
  readsGates: [WAP],
  check: (spec, old, { gates }) => validateGatedImmutable('spec.priority', old.priority, spec.priority, gates[WAP], isSet(spec.priority)),
});
