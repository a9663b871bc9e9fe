// X-10..X-14 [PROPOSAL]: a template-backed PodGroup must carry what its template says. One rule
// per id, all built on compareWithTemplate; the differing fields are reported as Invalid.

import { goQuote, invalid, renderBadValue } from '@kubectl-workload/api';
import type { BadValue, FeatureGate, FieldError, PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { Rule, Severity } from '../../rule.js';
import { DEFAULT_DISRUPTION_MODE } from '../../defaulting.js';
import { compareWithTemplate } from '../../template/compare.js';
import type { TemplateDifference, TemplateField } from '../../template/compare.js';
import { resolveTemplateRef } from '../../template/ref.js';
import type { TemplateRef } from '@kubectl-workload/api';

function templateValueText(d: TemplateDifference): string {
  if (d.template !== undefined) return renderBadValue(d.template as BadValue);
  return d.field === 'disruptionMode' ? `${goQuote(DEFAULT_DISRUPTION_MODE)} (unset, which means ${DEFAULT_DISRUPTION_MODE})` : 'unset';
}

/**
 * The API server defaults an unset PodGroup disruptionMode to Pod (PG-50) before any admission
 * webhook runs, so the webhook cannot fill it from the template: the user has to write it.
 */
function defaultedHint(d: TemplateDifference): string {
  return d.field === 'disruptionMode' && d.podGroup === DEFAULT_DISRUPTION_MODE
    ? `; an unset disruptionMode is defaulted to ${goQuote(DEFAULT_DISRUPTION_MODE)} before admission, so set it explicitly`
    : '';
}

/** `spec.priority: Invalid value: 10: must match the priority of PodGroupTemplate "t" in Workload "w": 1000` */
export function templateMismatch(d: TemplateDifference, ref: TemplateRef): FieldError {
  const where = `PodGroupTemplate ${goQuote(ref.templateName)} in Workload ${goQuote(ref.workloadName)}`;
  return invalid(
    d.path,
    (d.podGroup ?? null) as BadValue,
    `must match the ${d.field} of ${where}: ${templateValueText(d)}${defaultedHint(d)}`,
  );
}

export interface TemplateConsistencyRule {
  id: string;
  doc: string;
  fields: readonly TemplateField[];
  severity: Severity;
  /** Gates of the compared fields: with a gate off the API server drops them from both objects. */
  gates: readonly FeatureGate[];
}

/** A rule unit that also says which template fields it compares. */
export type TemplateConsistencyRuleUnit = Rule & { readonly fields: readonly TemplateField[] };

export function templateConsistencyRule(spec: TemplateConsistencyRule): TemplateConsistencyRuleUnit {
  const rule = defineRule<PodGroup>({
    id: spec.id,
    doc: spec.doc,
    severity: spec.severity,
    style: 'field',
    kinds: ['PodGroup'],
    operations: ['CREATE'],
    subResources: [''],
    gates: ['GenericWorkload', ...spec.gates],
    crossObject: true,
    check: async ({ object, lookup }) => {
      const resolved = await resolveTemplateRef(object, lookup);
      if (!resolved?.template) return [];
      const { ref, template } = resolved;
      return compareWithTemplate(object.spec, template, spec.fields).map((d) => templateMismatch(d, ref));
    },
  });
  return { ...rule, fields: spec.fields };
}
