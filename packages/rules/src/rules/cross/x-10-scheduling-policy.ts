import { templateConsistencyRule } from './template-consistency.js';

/** X-10 [PROPOSAL]: same policy member and minCount as the template. */
export const x10 = templateConsistencyRule({
  id: 'X-10',
  doc: "A template-backed PodGroup's schedulingPolicy equals its template's.",
  fields: ['schedulingPolicy'],
  severity: 'error',
  gates: [],
});
