// disruptionMode, priorityClassName, priority (WorkloadAwarePreemption): Forbidden when set while
// the gate is off (validation level; end to end the API server drops them on create).

import { validateDisruptionMode, validatePriority, validatePriorityClassName } from '../../validation/index.js';
import { defineSpecCreateRule } from './spec-rule.js';

const WAP = 'WorkloadAwarePreemption';

/**
 * PG-11: with the gate on the field is required at validation level (`+default` makes it a
 * required pointer). The defaulter (PG-50) sets `Pod` before validation, and evaluate() applies
 * it to raw manifests too (see withPodGroupDefaults), so an omitted value is never reported.
 */
export const pg11 = defineSpecCreateRule({
  id: 'PG-11',
  doc: 'spec.disruptionMode is Pod or PodGroup (defaulted to Pod); forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) => validateDisruptionMode('spec.disruptionMode', spec.disruptionMode, gates[WAP], true),
});

/** PG-12: existence of the PriorityClass is the Priority admission plugin's business (PG-52). */
export const pg12 = defineSpecCreateRule({
  id: 'PG-12',
  doc: 'spec.priorityClassName is a DNS-1123 subdomain; forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) => validatePriorityClassName('spec.priorityClassName', spec.priorityClassName, gates[WAP]),
});

/** PG-13. */
export const pg13 = defineSpecCreateRule({
  id: 'PG-13',
  doc: 'spec.priority is at most 1000000000; forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) => validatePriority('spec.priority', spec.priority, gates[WAP]),
});
