import { validateGangMinCountMinimum, validateGangMinCountRequired, validateSchedulingPolicyUnion } from '../../validation/index.js';
import { defineTemplateRule } from './template-rule.js';

/** WL-09. */
export const wl09 = defineTemplateRule({
  id: 'WL-09',
  doc: 'A template schedulingPolicy sets exactly one of basic, gang.',
  checkTemplate: (path, t) => validateSchedulingPolicyUnion(`${path}.schedulingPolicy`, t.schedulingPolicy),
});

/** WL-10: minCount is a plain int32, so 0 is "missing". */
export const wl10 = defineTemplateRule({
  id: 'WL-10',
  doc: 'A gang policy needs minCount (0 counts as missing).',
  checkTemplate: (path, t) => validateGangMinCountRequired(`${path}.schedulingPolicy`, t.schedulingPolicy),
});

/** WL-11. */
export const wl11 = defineTemplateRule({
  id: 'WL-11',
  doc: 'A gang minCount must be at least 1.',
  checkTemplate: (path, t) => validateGangMinCountMinimum(`${path}.schedulingPolicy`, t.schedulingPolicy),
});
