// under 1.37 (api-rules-1.37.md §9): the template is the one spec.workloadRef names
// (anywhere in the template tree), disruptionMode and priority are no longer gated, and an unset
// disruptionMode means `{single: {}}`. carry over unchanged.

import { templateConsistencyRule } from '../cross/template-consistency.js';
import { isMinCountOnly } from '../../template/compare.js';

/** a different member is an error; a different gang minCount only a warning, as minCount is mutable now (WL-29). */
export const x10v137 = templateConsistencyRule({
  id: 'X-10',
  doc: "A template-backed PodGroup's schedulingPolicy equals its template's; under 1.37 a different gang minCount is a warning (minCount is mutable, JOB-27).",
  fields: ['schedulingPolicy'],
  severity: 'error',
  gates: [],
  warnOnly: isMinCountOnly,
});

export const x13v137 = templateConsistencyRule({
  id: 'X-13',
  doc: "A template-backed PodGroup's disruptionMode equals its template's (unset = {single: {}}).",
  fields: ['disruptionMode'],
  severity: 'error',
  gates: [],
});

export const x14v137 = templateConsistencyRule({
  id: 'X-14',
  doc: "A template-backed PodGroup's priorityClassName (and priority, when both set) match its template's.",
  fields: ['priorityClassName', 'priority'],
  severity: 'warning',
  gates: [],
});
