// PodGroup spec immutability on update (PG-21..27), one error on each changed field's own path.
// Gated fields: with the gate on any change is immutable; with it off a change to a present value
// is Forbidden and clearing it passes (derived from the generated code; no upstream test for PG-23).

import type { FeatureGate, PodGroupSpec } from '@kubectl-workload/api';
import type { Rule } from '../../rule.js';
import { isSet, validateGatedImmutable, validateImmutable } from '../../validation/index.js';
import { defineSpecUpdateRule } from './spec-rule.js';

type Field = keyof PodGroupSpec;

function immutableField(id: string, field: Field, doc: string): Rule {
  return defineSpecUpdateRule({ id, doc, check: (spec, old) => validateImmutable(`spec.${field}`, old[field], spec[field]) });
}

interface GoField {
  /** The value as Go holds it (a plain string field reads "" when absent). */
  read?: (spec: PodGroupSpec) => unknown;
  /** Whether a new value counts as set: a non-nil pointer by default. */
  present?: (value: unknown) => boolean;
}

function gatedImmutableField(
  id: string,
  field: Field,
  gate: FeatureGate,
  doc: string,
  { read = (s) => s[field], present = isSet }: GoField = {},
): Rule {
  return defineSpecUpdateRule({
    id,
    doc,
    readsGates: [gate],
    check: (spec, old, { gates }) => validateGatedImmutable(`spec.${field}`, read(old), read(spec), gates[gate], present(read(spec))),
  });
}

const TAS = 'TopologyAwareWorkloadScheduling';
const WAP = 'WorkloadAwarePreemption';

/** PG-21: also suppresses the union check on `{}` (content checks are create-only). */
export const pg21 = immutableField('PG-21', 'podGroupTemplateRef', 'spec.podGroupTemplateRef is immutable (set, unset or changed).');
/** PG-22: minCount and gang↔basic switches included, reported once on the policy. */
export const pg22 = immutableField('PG-22', 'schedulingPolicy', 'spec.schedulingPolicy is immutable.');
/** PG-23. */
export const pg23 = gatedImmutableField(
  'PG-23',
  'schedulingConstraints',
  TAS,
  'spec.schedulingConstraints is immutable; while TopologyAwareWorkloadScheduling is off a changed non-nil value is forbidden.',
);
/** PG-24: gate-independent at validation level. */
export const pg24 = immutableField('PG-24', 'resourceClaims', 'spec.resourceClaims is immutable (add, change, remove).');
/** PG-25. */
export const pg25 = gatedImmutableField(
  'PG-25',
  'disruptionMode',
  WAP,
  'spec.disruptionMode is immutable; while WorkloadAwarePreemption is off a changed non-nil value is forbidden.',
);
/** PG-26: a plain string, so "" and absent are the same value. */
export const pg26 = gatedImmutableField(
  'PG-26',
  'priorityClassName',
  WAP,
  'spec.priorityClassName is immutable; while WorkloadAwarePreemption is off a change to a non-empty value is forbidden.',
  { read: (s) => s.priorityClassName ?? '', present: (v) => v !== '' },
);
/** PG-27. */
export const pg27 = gatedImmutableField(
  'PG-27',
  'priority',
  WAP,
  'spec.priority is immutable; while WorkloadAwarePreemption is off a changed non-nil value is forbidden.',
);
