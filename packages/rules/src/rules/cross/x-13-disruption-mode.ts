import { templateConsistencyRule } from './template-consistency.js';

/** X-13 [PROPOSAL]: same disruptionMode as the template, an unset template value meaning `Pod`. */
export const x13 = templateConsistencyRule({
  id: 'X-13',
  doc: "A template-backed PodGroup's disruptionMode equals its template's (unset = Pod).",
  fields: ['disruptionMode'],
  severity: 'error',
  gates: ['WorkloadAwarePreemption'],
});
