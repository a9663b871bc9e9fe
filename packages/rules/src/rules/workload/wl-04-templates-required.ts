import { required } from '@kubectl-workload/api';
import { defineTemplateListRule, TEMPLATES_PATH } from './template-rule.js';

/** WL-04: `spec.podGroupTemplates` must have at least one item (nil and `[]` both fail). */
export const wl04 = defineTemplateListRule('WL-04', 'A Workload needs at least one pod group template.', (templates) =>
  templates?.length ? [] : [required(TEMPLATES_PATH)],
);
