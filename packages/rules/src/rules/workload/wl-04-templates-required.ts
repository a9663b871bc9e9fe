import { required } from '@kubectl-workload/api';
import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { unchangedOnUpdate } from '../../validation/index.js';
import { TEMPLATES_PATH } from './template-rule.js';

/** WL-04: `spec.podGroupTemplates` must have at least one item (nil and `[]` both fail); on update too (WL-30). */
export const wl04 = defineRule<Workload>({
  id: 'WL-04',
  doc: 'A Workload needs at least one pod group template.',
  severity: 'error',
  style: 'field',
  kinds: ['Workload'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  check: ({ operation, object, oldObject }) => {
    const templates = object.spec?.podGroupTemplates;
    if (unchangedOnUpdate(operation, oldObject?.spec?.podGroupTemplates, templates)) return [];
    return templates?.length ? [] : [required(TEMPLATES_PATH)];
  },
});
