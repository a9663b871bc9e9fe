// Which of X-10..X-14 checks each field a PodGroup copies from its template, read off the rules
// themselves so `explain` and `diff` name the rule of a drifted field without a second table.

import type { TemplateField } from '../../template/compare.js';
import type { TemplateConsistencyRuleUnit } from './template-consistency.js';
import { x10 } from './x-10-scheduling-policy.js';
import { x11 } from './x-11-scheduling-constraints.js';
import { x12 } from './x-12-resource-claims.js';
import { x13 } from './x-13-disruption-mode.js';
import { x14 } from './x-14-priority.js';

function ruleOfField(rules: readonly TemplateConsistencyRuleUnit[]): Readonly<Record<TemplateField, string>> {
  return Object.fromEntries(rules.flatMap((rule) => rule.fields.map((field) => [field, rule.id]))) as Record<TemplateField, string>;
}

export const RULE_OF_TEMPLATE_FIELD = ruleOfField([x10, x11, x12, x13, x14]);
