import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { MAX_POD_GROUP_TEMPLATES, templateBadValue, validateMaxItems, validateUniqueKeys } from '../../validation/index.js';
import { defineTemplateListRule, TEMPLATES_PATH } from './template-rule.js';

/** WL-05: at most 8 templates (`WorkloadMaxPodGroupTemplates`). */
export const wl05 = defineTemplateListRule('WL-05', 'A Workload has at most 8 pod group templates.', (templates) =>
  validateMaxItems(TEMPLATES_PATH, templates, MAX_POD_GROUP_TEMPLATES),
);

/** WL-06: template names are the list-map key: every later repeat is a Duplicate carrying the whole template. */
export const wl06 = defineRule<Workload>({
  id: 'WL-06',
  doc: 'Pod group template names are unique within a Workload.',
  severity: 'error',
  style: 'field',
  kinds: ['Workload'],
  operations: ['CREATE'],
  subResources: [''],
  skipIfFailed: ['WL-04', 'WL-05'],
  check: ({ object }) => validateUniqueKeys(TEMPLATES_PATH, object.spec?.podGroupTemplates, (t) => t.name ?? '', templateBadValue),
});
