// Template disruptionMode, priorityClassName, priority (WorkloadAwarePreemption). With the gate off
// a set value is Forbidden at validation level; templates are never defaulted, so an unset
// disruptionMode is fine either way. PriorityClass existence is not checked for templates.

import { validateDisruptionMode, validatePriority, validatePriorityClassName } from '../../validation/index.js';
import { defineTemplateRule } from './template-rule.js';

const WAP = 'WorkloadAwarePreemption';

/** WL-25. */
export const wl25 = defineTemplateRule({
  id: 'WL-25',
  doc: 'Template disruptionMode is Pod or PodGroup; forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) => validateDisruptionMode(`${path}.disruptionMode`, t.disruptionMode, gates[WAP], false),
});

/** WL-26. */
export const wl26 = defineTemplateRule({
  id: 'WL-26',
  doc: 'Template priorityClassName is a DNS-1123 subdomain; forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) => validatePriorityClassName(`${path}.priorityClassName`, t.priorityClassName, gates[WAP]),
});

/** WL-27. */
export const wl27 = defineTemplateRule({
  id: 'WL-27',
  doc: 'Template priority is at most 1000000000; forbidden while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) => validatePriority(`${path}.priority`, t.priority, gates[WAP]),
});
