// Template schedulingConstraints (TopologyAwareWorkloadScheduling). With the gate off a set value is
// Forbidden at validation level, but the API server drops it on create first (spec §1 point 3): a
// warning that it is lost.
// The Workload strategy also passes the TAS option when the old object uses constraints, which
// only matters on UPDATE, where per-template checks never run (see template-rule.ts).

import { droppedByGate } from '../../rule.js';
import { isSet, validateTopologyKeys, validateTopologyMaxItems } from '../../validation/index.js';
import { defineTemplateRule } from './template-rule.js';

const TAS = 'TopologyAwareWorkloadScheduling';

/** WL-16. */
export const wl16 = defineTemplateRule({
  id: 'WL-16',
  doc: 'Warns that template schedulingConstraints are dropped on create while TopologyAwareWorkloadScheduling is off.',
  readsGates: [TAS],
  checkTemplate: (path, t, { gates }) =>
    gates[TAS] || !isSet(t.schedulingConstraints) ? [] : [droppedByGate(`${path}.schedulingConstraints`, TAS)],
});

/** WL-17: `{}` and `topology: []` are valid. */
export const wl17 = defineTemplateRule({
  id: 'WL-17',
  doc: 'Template schedulingConstraints.topology has at most 1 entry.',
  gates: [TAS],
  checkTemplate: (path, t) => validateTopologyMaxItems(`${path}.schedulingConstraints`, t.schedulingConstraints),
});

/** WL-18: label-key format: mixed case is fine in the name part, not in the prefix. */
export const wl18 = defineTemplateRule({
  id: 'WL-18',
  doc: 'Each template topology constraint needs a key that is a valid label key.',
  gates: [TAS],
  checkTemplate: (path, t) => validateTopologyKeys(`${path}.schedulingConstraints`, t.schedulingConstraints),
});
