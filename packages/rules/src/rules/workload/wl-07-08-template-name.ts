import { required } from '@kubectl-workload/api';
import { validateShortName } from '../../validation/index.js';
import { defineTemplateRule } from './template-rule.js';

/** WL-07: an empty name is a missing name. */
export const wl07 = defineTemplateRule({
  id: 'WL-07',
  doc: 'Every pod group template needs a name.',
  checkTemplate: (path, t) => (t.name ? [] : [required(`${path}.name`)]),
});

/** WL-08: reached only for a non-empty name (required is the pre-check). */
export const wl08 = defineTemplateRule({
  id: 'WL-08',
  doc: 'A pod group template name must be a DNS-1123 label.',
  checkTemplate: (path, t) => (t.name ? validateShortName(`${path}.name`, t.name) : []),
});
