// Template disruptionMode, priorityClassName, priority (WorkloadAwarePreemption). With the gate off
// a set value is Forbidden at validation level, but the API server drops it on create first: a
// warning that it is lost. Templates are never defaulted, so an unset disruptionMode is fine either
// way. PriorityClass existence is not checked for templates.

import { droppedByGate } from '../../rule.js';
import { isSet, validateDisruptionMode, validatePriority, validatePriorityClassName } from '../../validation/index.js';
import { defineTemplateRule } from './template-rule.js';

const WAP = 'WorkloadAwarePreemption';

const dropped = (field: string, present: boolean) => (present ? [droppedByGate(field, WAP)] : []);

/** WL-25. */
export const wl25 = defineTemplateRule({
  id: 'WL-25',
  doc: 'Template disruptionMode is Pod or PodGroup; dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) =>
    gates[WAP]
      ? validateDisruptionMode(`${path}.disruptionMode`, t.disruptionMode, true, false)
      : dropped(`${path}.disruptionMode`, isSet(t.disruptionMode)),
});

/** WL-26. */
export const wl26 = defineTemplateRule({
  id: 'WL-26',
  doc: 'Template priorityClassName is a DNS-1123 subdomain; dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) =>
    gates[WAP]
      ? validatePriorityClassName(`${path}.priorityClassName`, t.priorityClassName, true)
      : dropped(`${path}.priorityClassName`, !!t.priorityClassName),
});

/** WL-27. */
export const wl27 = defineTemplateRule({
  id: 'WL-27',
  doc: 'Template priority is at most 1000000000; dropped (a warning) while WorkloadAwarePreemption is off.',
  readsGates: [WAP],
  checkTemplate: (path, t, { gates }) =>
    gates[WAP] ? validatePriority(`${path}.priority`, t.priority, true) : dropped(`${path}.priority`, isSet(t.priority)),
});
