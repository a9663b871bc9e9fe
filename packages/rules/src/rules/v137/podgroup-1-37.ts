// PodGroup rules Kubernetes 1.37 added or changed (api-rules-1.37.md §5): `workloadRef` replaced
// `podGroupTemplateRef`, disruptionMode is a union, the priority fields lost their gate, minCount became
// mutable, and `parentCompositePodGroupName` and `preemptionPolicy` are new.

import { forbidden } from '@kubectl-workload/api';
import type { PodGroup137 } from '@kubectl-workload/api';
import {
  decodeRule,
  isSet,
  validateGatedImmutable,
  validateImmutable,
  validateLongName,
  validatePriority,
  validatePriorityClassName,
  validateRequiredString,
  validateShortName,
} from '../../validation/index.js';
import { validateDisruptionModeUnion, validatePolicyUpdate, validatePreemptionPolicy } from './fields-1-37.js';
import { POD_GROUP_SHAPE_1_37 } from './shapes-1-37.js';
import { specRuleFor } from './spec-rule.js';

const specRule = specRuleFor<PodGroup137>('PodGroup');

/** PG-00 (1.37). */
export const pg00v137 = decodeRule('PodGroup', 'PG-00', POD_GROUP_SHAPE_1_37, ['', 'status']);

/** PG-05 (1.37): PG-03 keeps workloadRef optional; PG-04's union wrapper is gone, so `{}` gives PG-05 and PG-06. */
export const pg05v137 = specRule(
  'PG-05',
  'spec.workloadRef.workloadName is required and must be a DNS-1123 subdomain.',
  ['CREATE'],
  (spec) =>
    isSet(spec.workloadRef)
      ? validateRequiredString('spec.workloadRef.workloadName', spec.workloadRef?.workloadName, validateLongName)
      : [],
);

/** PG-06 (1.37). */
export const pg06v137 = specRule('PG-06', 'spec.workloadRef.templateName is required and must be a DNS-1123 label.', ['CREATE'], (spec) =>
  isSet(spec.workloadRef) ? validateRequiredString('spec.workloadRef.templateName', spec.workloadRef?.templateName, validateShortName) : [],
);

/** PG-11 (1.37): defaulted to `{single: {}}` (PG-50), so required at validation level; no gate. */
export const pg11v137 = specRule(
  'PG-11',
  'spec.disruptionMode sets exactly one of single, all (defaulted to single; ungated in 1.37).',
  ['CREATE'],
  (spec) => validateDisruptionModeUnion('spec.disruptionMode', spec.disruptionMode, true),
);

/** PG-12 (1.37). */
export const pg12v137 = specRule('PG-12', 'spec.priorityClassName is a DNS-1123 subdomain (ungated in 1.37).', ['CREATE'], (spec) =>
  validatePriorityClassName('spec.priorityClassName', spec.priorityClassName, true),
);

/** PG-13 (1.37). */
export const pg13v137 = specRule('PG-13', 'spec.priority is at most 1000000000 (ungated in 1.37).', ['CREATE'], (spec) =>
  validatePriority('spec.priority', spec.priority, true),
);

/** PG-21 (1.37): the path moved with the field. */
export const pg21v137 = specRule('PG-21', 'spec.workloadRef is immutable (set, unset or changed).', ['UPDATE'], (spec, old) =>
  validateImmutable('spec.workloadRef', old.workloadRef, spec.workloadRef),
);

/** PG-22 (1.37): the elastic-gang change (JOB-27) — minCount may change, the policy kind may not. */
export const pg22v137 = specRule(
  'PG-22',
  'spec.schedulingPolicy: basic is immutable, gang cannot be set or cleared, gang.minCount may change (≥ 1).',
  ['UPDATE'],
  (spec, old) => validatePolicyUpdate('spec.schedulingPolicy', old.schedulingPolicy, spec.schedulingPolicy),
);

/** PG-25..27 (1.37): immutable, and no gate to make a change Forbidden instead. */
export const pg25v137 = specRule('PG-25', 'spec.disruptionMode is immutable (ungated in 1.37).', ['UPDATE'], (spec, old) =>
  validateImmutable('spec.disruptionMode', old.disruptionMode, spec.disruptionMode),
);
export const pg26v137 = specRule('PG-26', 'spec.priorityClassName is immutable (ungated in 1.37).', ['UPDATE'], (spec, old) =>
  validateImmutable('spec.priorityClassName', old.priorityClassName ?? '', spec.priorityClassName ?? ''),
);
export const pg27v137 = specRule('PG-27', 'spec.priority is immutable (ungated in 1.37).', ['UPDATE'], (spec, old) =>
  validateImmutable('spec.priority', old.priority, spec.priority),
);

/** PG-60: the parent need not exist (nothing in the API server checks it; X-30 warns). */
export const pg60 = specRule(
  'PG-60',
  'spec.parentCompositePodGroupName is forbidden while CompositePodGroup is off; else a DNS-1123 subdomain.',
  ['CREATE'],
  (spec, _old, { gates }) => {
    if (!isSet(spec.parentCompositePodGroupName)) return [];
    return gates.CompositePodGroup
      ? validateLongName('spec.parentCompositePodGroupName', spec.parentCompositePodGroupName ?? '')
      : [forbidden('spec.parentCompositePodGroupName')];
  },
  { readsGates: ['CompositePodGroup'] },
);

/** PG-61: no API default; Priority admission fills it from the class (ADM-13). */
export const pg61 = specRule(
  'PG-61',
  'spec.preemptionPolicy is PreemptLowerPriority or Never; forbidden while PodGroupPreemptionPolicy is off.',
  ['CREATE'],
  (spec, _old, { gates }) => validatePreemptionPolicy('spec.preemptionPolicy', spec.preemptionPolicy, gates.PodGroupPreemptionPolicy),
  { readsGates: ['PodGroupPreemptionPolicy'] },
);

/** PG-63. */
export const pg63 = specRule(
  'PG-63',
  'spec.parentCompositePodGroupName is immutable; while CompositePodGroup is off a change to a set value is forbidden.',
  ['UPDATE'],
  (spec, old, { gates }) =>
    validateGatedImmutable(
      'spec.parentCompositePodGroupName',
      old.parentCompositePodGroupName,
      spec.parentCompositePodGroupName,
      gates.CompositePodGroup,
      isSet(spec.parentCompositePodGroupName),
    ),
  { readsGates: ['CompositePodGroup'] },
);

/** PG-64. */
export const pg64 = specRule(
  'PG-64',
  'spec.preemptionPolicy is immutable; while PodGroupPreemptionPolicy is off a change to a set value is forbidden.',
  ['UPDATE'],
  (spec, old, { gates }) =>
    validateGatedImmutable(
      'spec.preemptionPolicy',
      old.preemptionPolicy,
      spec.preemptionPolicy,
      gates.PodGroupPreemptionPolicy,
      isSet(spec.preemptionPolicy),
    ),
  { readsGates: ['PodGroupPreemptionPolicy'] },
);
