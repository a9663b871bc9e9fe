import { validateLongName, validateRequiredString, validateShortName, validateUnion } from '../../validation/index.js';
import { defineSpecCreateRule } from './spec-rule.js';

const REF = 'spec.podGroupTemplateRef';
const WL = `${REF}.workload`;

/** PG-04: optional (PG-03: standalone PodGroups are fine), but `{}` is a one-member union with nothing set. */
export const pg04 = defineSpecCreateRule({
  id: 'PG-04',
  doc: 'A podGroupTemplateRef, when present, must set workload.',
  check: (spec) => (spec.podGroupTemplateRef ? validateUnion(REF, [['workload', spec.podGroupTemplateRef.workload]]) : []),
});

/** PG-05. */
export const pg05 = defineSpecCreateRule({
  id: 'PG-05',
  doc: 'podGroupTemplateRef.workload.workloadName is required and must be a DNS-1123 subdomain.',
  check: (spec) => {
    const ref = spec.podGroupTemplateRef?.workload;
    return ref ? validateRequiredString(`${WL}.workloadName`, ref.workloadName, validateLongName) : [];
  },
});

/** PG-06. */
export const pg06 = defineSpecCreateRule({
  id: 'PG-06',
  doc: 'podGroupTemplateRef.workload.podGroupTemplateName is required and must be a DNS-1123 label.',
  check: (spec) => {
    const ref = spec.podGroupTemplateRef?.workload;
    return ref ? validateRequiredString(`${WL}.podGroupTemplateName`, ref.podGroupTemplateName, validateShortName) : [];
  },
});
