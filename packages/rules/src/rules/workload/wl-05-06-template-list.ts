import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { MAX_POD_GROUP_TEMPLATES, templateBadValue, unchangedOnUpdate, validateMaxItems, validateUniqueKeys } from '../../validation/index.js';
import { TEMPLATES_PATH } from './template-rule.js';

/** WL-05: at most 8 templates; checked on update too (WL-30), unless the list is unchanged. */
export const wl05 = defineRule<Workload>({
  id: 'WL-05',
  doc: 'A Workload has at most 8 pod group templates.',
  severity: 'error',
  style: 'field',
  kinds: ['Workload'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  check: ({ operation, object, oldObject }) => {
    const templates = object.spec?.podGroupTemplates;
    if (unchangedOnUpdate(operation, oldObject?.spec?.podGroupTemplates, templates)) return [];
    return validateMaxItems(TEMPLATES_PATH, templates, MAX_POD_GROUP_TEMPLATES);
  },
});

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
