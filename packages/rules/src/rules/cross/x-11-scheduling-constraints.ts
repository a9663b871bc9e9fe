import { templateConsistencyRule } from './template-consistency.js';

/** X-11 [PROPOSAL]: same topology keys as the template (no constraints ≡ `{}` ≡ `topology: []`). */
export const x11 = templateConsistencyRule({
  id: 'X-11',
  doc: "A template-backed PodGroup's schedulingConstraints equal its template's.",
  fields: ['schedulingConstraints'],
  severity: 'error',
  gates: ['TopologyAwareWorkloadScheduling'],
});
