// X-10..X-14 [PROPOSAL]: a template-backed PodGroup must carry what its template says. One rule
// per id, all built on compareWithTemplate; the differing fields are reported as Invalid. The 1.37
// variants (api-rules-1.37.md §9) follow spec.workloadRef and the union disruptionMode.

import { goQuote, invalid, renderBadValue } from '@kubectl-workload/api';
import type { BadValue, FeatureGate, FieldError, KubeVersion, PodGroup, TemplateRef } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { Rule, RuleResult, Severity } from '../../rule.js';
import { DEFAULT_DISRUPTION_MODE, DEFAULT_DISRUPTION_MODE_1_37 } from '../../defaulting.js';
import { compareWithTemplate } from '../../template/compare.js';
import type { TemplateDifference, TemplateField } from '../../template/compare.js';
import { resolveTemplateRef } from '../../template/ref.js';

/** The PodGroup default of disruptionMode (PG-50) as written in the version's API, and how to say it. */
function defaultMode(version: KubeVersion): { value: BadValue; name: string } {
  return version === '1.37' ? { value: DEFAULT_DISRUPTION_MODE_1_37, name: 'single' } : { value: DEFAULT_DISRUPTION_MODE, name: 'Pod' };
}

function templateValueText(d: TemplateDifference, version: KubeVersion): string {
  if (d.template !== undefined) return renderBadValue(d.template as BadValue);
  if (d.field !== 'disruptionMode') return 'unset';
  const mode = defaultMode(version);
  return `${renderBadValue(mode.value)} (unset, which means ${mode.name})`;
}

/**
 * The API server defaults an unset PodGroup disruptionMode (PG-50) before any admission webhook
 * runs, so the webhook cannot fill it from the template: the user has to write it.
 */
function defaultedHint(d: TemplateDifference, version: KubeVersion): string {
  const mode = defaultMode(version);
  return d.field === 'disruptionMode' && renderBadValue(d.podGroup as BadValue) === renderBadValue(mode.value)
    ? `; an unset disruptionMode is defaulted to ${renderBadValue(mode.value)} before admission, so set it explicitly`
    : '';
}

/** `spec.priority: Invalid value: 10: must match the priority of PodGroupTemplate "t" in Workload "w": 1000` */
function templateMismatch(d: TemplateDifference, ref: TemplateRef, version: KubeVersion): FieldError {
  const where = `PodGroupTemplate ${goQuote(ref.templateName)} in Workload ${goQuote(ref.workloadName)}`;
  return invalid(
    d.path,
    (d.podGroup ?? null) as BadValue,
    `must match the ${d.field} of ${where}: ${templateValueText(d, version)}${defaultedHint(d, version)}`,
  );
}

export interface TemplateConsistencyRule {
  id: string;
  doc: string;
  fields: readonly TemplateField[];
  severity: Severity;
  /** Gates of the compared fields: with a gate off the API server drops them from both objects. */
  gates: readonly FeatureGate[];
  /** Differences reported as warnings even when the rule is an error (1.37 X-10: a changed minCount). */
  warnOnly?: (d: TemplateDifference) => boolean;
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
    check: async ({ object, lookup, kubeVersion }) => {
      const resolved = await resolveTemplateRef(object, lookup);
      if (!resolved?.template) return [];
      const { ref, template } = resolved;
      return compareWithTemplate(object.spec, template, spec.fields).map((d): RuleResult => {
        const error = templateMismatch(d, ref, kubeVersion);
        return spec.warnOnly?.(d) ? { warning: error } : error;
      });
    },
  });
  return { ...rule, fields: spec.fields };
}
