import { templateConsistencyRule } from './template-consistency.js';

/**
 * X-14 [PROPOSAL]: same priorityClassName as the template, same priority when both are set. A
 * warning: priority admission may legitimately resolve the PodGroup's values.
 */
export const x14 = templateConsistencyRule({
  id: 'X-14',
  doc: "A template-backed PodGroup's priorityClassName (and priority, when both set) match its template's.",
  fields: ['priorityClassName', 'priority'],
  severity: 'warning',
  gates: ['WorkloadAwarePreemption'],
});
