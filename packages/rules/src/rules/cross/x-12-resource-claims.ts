import { templateConsistencyRule } from './template-consistency.js';

/** X-12 [PROPOSAL]: same claims (name, source field and value) as the template, in any order. */
export const x12 = templateConsistencyRule({
  id: 'X-12',
  doc: "A template-backed PodGroup's resourceClaims equal its template's.",
  fields: ['resourceClaims'],
  severity: 'error',
  gates: ['DRAWorkloadResourceClaims'],
});
