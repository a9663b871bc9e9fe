// disruptionMode, priorityClassName, priority (WorkloadAwarePreemption). Set while the gate is off,
// each is Forbidden at validation level, but the API server's strategy drops it on create first,
// so end to end it is lost, not rejected: a warning saying so (api-rules §1 point 3).

import { droppedByGate } from '../../rule.js';
import { isSet, validateDisruptionMode, validatePriority, validatePriorityClassName } from '../../validation/index.js';
import { defineSpecCreateRule } from './spec-rule.js';

const WAP = 'WorkloadAwarePreemption';

const dropped = (field: string, present: boolean) => (present ? [droppedByGate(field, WAP)] : []);

/**
 * PG-11: with the gate on the field is required at validation level (`+default` makes it a
 * required pointer). The defaulter (PG-50) sets `Pod` before validation, and evaluate() applies
 * it to raw manifests too (see withPodGroupDefaults), so an omitted value is never reported.
 */
export const pg11 = defineSpecCreateRule({
  id: 'PG-11',
  doc: 'spec.disruptionMode is Pod or PodGroup (defaulted to Pod); dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) =>
    gates[WAP]
      ? validateDisruptionMode('spec.disruptionMode', spec.disruptionMode, true, true)
      : dropped('spec.disruptionMode', isSet(spec.disruptionMode)),
});

/** PG-12: existence of the PriorityClass is the Priority admission plugin's business (PG-52). */
export const pg12 = defineSpecCreateRule({
  id: 'PG-12',
  doc: 'spec.priorityClassName is a DNS-1123 subdomain; dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) =>
    gates[WAP]
      ? validatePriorityClassName('spec.priorityClassName', spec.priorityClassName, true)
      : dropped('spec.priorityClassName', !!spec.priorityClassName),
});

/** PG-13. */
export const pg13 = defineSpecCreateRule({
  id: 'PG-13',
  doc: 'spec.priority is at most 1000000000; dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  check: (spec, { gates }) =>
    gates[WAP] ? validatePriority('spec.priority', spec.priority, true) : dropped('spec.priority', isSet(spec.priority)),
});
