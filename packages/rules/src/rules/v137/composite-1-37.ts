// CompositePodGroup (scheduling.k8s.io/v1alpha3, api-rules-1.37.md §6): the runtime node of a
// composite gang. Metadata is hand-validated (CPG-01/02; on update the only hand-written check,
// CPG-14), everything else declaratively (CPG-03..10); conditions share the PodGroup texts (CPG-11).

import { required } from '@kubectl-workload/api';
import type { CompositePodGroup, CompositePodGroupSpec } from '@kubectl-workload/api';
import type { Rule } from '../../rule.js';
import {
  decodeRule,
  isSet,
  objectMetaRules,
  validateGatedImmutable,
  validateImmutable,
  validateLongName,
  validatePriority,
  validatePriorityClassName,
  validateRequiredString,
  validateShortName,
  validateTopologyKeys,
  validateTopologyMaxItems,
} from '../../validation/index.js';
import { validateCompositePolicy, validateDisruptionModeUnion, validatePreemptionPolicy } from './fields-1-37.js';
import { COMPOSITE_POD_GROUP_SHAPE } from './shapes-1-37.js';
import { specRuleFor } from './spec-rule.js';

const cpgRule = specRuleFor<CompositePodGroup>('CompositePodGroup');

/** CPG-00: our decode check, as WL-00/PG-00. */
export const cpg00 = decodeRule('CompositePodGroup', 'CPG-00', COMPOSITE_POD_GROUP_SHAPE, ['', 'status']);

/** CPG-01 (name), CPG-02 (namespace, and both immutable on update). */
export const [cpg01, cpg02, cpg02Update] = objectMetaRules('CompositePodGroup', { name: 'CPG-01', namespace: 'CPG-02', update: 'CPG-02' });

/** CPG-03: unlike a PodGroup's, the reference is required. */
export const cpg03 = cpgRule(
  'CPG-03',
  'spec.workloadRef is required: a DNS-1123 subdomain workloadName and a DNS-1123 label templateName.',
  ['CREATE'],
  (spec) => {
    if (!isSet(spec.workloadRef)) return [required('spec.workloadRef')];
    return [
      ...validateRequiredString('spec.workloadRef.workloadName', spec.workloadRef?.workloadName, validateLongName),
      ...validateRequiredString('spec.workloadRef.templateName', spec.workloadRef?.templateName, validateShortName),
    ];
  },
);

/** CPG-04: nil is the root of the hierarchy; not gated on the object itself (the kind is). */
export const cpg04 = cpgRule('CPG-04', 'spec.parentCompositePodGroupName, when set, is a DNS-1123 subdomain.', ['CREATE'], (spec) =>
  isSet(spec.parentCompositePodGroupName)
    ? validateLongName('spec.parentCompositePodGroupName', spec.parentCompositePodGroupName ?? '')
    : [],
);

/** CPG-05. */
export const cpg05 = cpgRule(
  'CPG-05',
  'spec.schedulingPolicy sets exactly one of basic, gang; gang.minGroupCount is required and at least 1.',
  ['CREATE'],
  (spec) => validateCompositePolicy('spec.schedulingPolicy', spec.schedulingPolicy),
);

/** CPG-07: topology is not gated by TopologyAwareWorkloadScheduling on a CompositePodGroup. */
export const cpg07 = cpgRule(
  'CPG-07',
  'spec.schedulingConstraints.topology has at most 1 entry, with a valid label key.',
  ['CREATE'],
  (spec) => [
    ...validateTopologyMaxItems('spec.schedulingConstraints', spec.schedulingConstraints),
    ...validateTopologyKeys('spec.schedulingConstraints', spec.schedulingConstraints),
  ],
);

/** CPG-08: defaulted to `{single: {}}`, so required at validation level. */
export const cpg08 = cpgRule('CPG-08', 'spec.disruptionMode sets exactly one of single, all (defaulted to single).', ['CREATE'], (spec) =>
  validateDisruptionModeUnion('spec.disruptionMode', spec.disruptionMode, true),
);

/** CPG-09. */
export const cpg09 = cpgRule(
  'CPG-09',
  'spec.priorityClassName is a DNS-1123 subdomain and spec.priority at most 1000000000.',
  ['CREATE'],
  (spec) => [
    ...validatePriorityClassName('spec.priorityClassName', spec.priorityClassName, true),
    ...validatePriority('spec.priority', spec.priority, true),
  ],
);

/** CPG-10. */
export const cpg10 = cpgRule(
  'CPG-10',
  'spec.preemptionPolicy is PreemptLowerPriority or Never; forbidden while PodGroupPreemptionPolicy is off.',
  ['CREATE'],
  (spec, _old, { gates }) => validatePreemptionPolicy('spec.preemptionPolicy', spec.preemptionPolicy, gates.PodGroupPreemptionPolicy),
  { readsGates: ['PodGroupPreemptionPolicy'] },
);

type SpecField = keyof CompositePodGroupSpec;

/** The spec fields each id makes immutable on update. */
const IMMUTABLE: ReadonlyArray<readonly [string, readonly SpecField[]]> = [
  ['CPG-03', ['workloadRef']],
  ['CPG-04', ['parentCompositePodGroupName']],
  ['CPG-06', ['schedulingPolicy']],
  ['CPG-07', ['schedulingConstraints']],
  ['CPG-08', ['disruptionMode']],
  ['CPG-09', ['priorityClassName', 'priority']],
  ['CPG-10', ['preemptionPolicy']],
];

/**
 * CPG-03/04/06..10 on update: every spec field is immutable, the whole policy included (CPG-06:
 * `minGroupCount` too, unlike a PodGroup's minCount); with PodGroupPreemptionPolicy off a changed
 * preemptionPolicy is Forbidden instead (CPG-10).
 */
export const cpgImmutable: readonly Rule[] = IMMUTABLE.map(([id, fields]) =>
  cpgRule(
    id,
    `${fields.map((f) => `spec.${f}`).join(' and ')} ${fields.length > 1 ? 'are' : 'is'} immutable.`,
    ['UPDATE'],
    (spec, old, { gates }) =>
      fields.flatMap((field) =>
        field === 'preemptionPolicy'
          ? validateGatedImmutable(
              'spec.preemptionPolicy',
              old.preemptionPolicy,
              spec.preemptionPolicy,
              gates.PodGroupPreemptionPolicy,
              isSet(spec.preemptionPolicy),
            )
          : validateImmutable(`spec.${field}`, old[field], spec[field]),
      ),
  ),
);
