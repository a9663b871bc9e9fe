// Per-template rules (WL-07..27): run on CREATE only. On UPDATE a changed template list is already
// immutable (WL-29), which is a pre-check failure that skips per-item validation, and an unchanged
// one is not re-validated (ratcheting, WL-31) — so per-item checks can never report on UPDATE.

import type { FeatureGate, FieldError, PodGroupTemplate, Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { Rule, RuleContext, Severity, WarningOnly } from '../../rule.js';
import { unchangedOnUpdate } from '../../validation/index.js';

export const TEMPLATES_PATH = 'spec.podGroupTemplates';
/** WL-00: a Workload that does not decode is not validated further. */
export const WL_DECODE = 'WL-00';

export interface TemplateRuleSpec {
  id: string;
  doc: string;
  /** API-server checks are errors (the default); our own advice is a warning. */
  severity?: Severity;
  gates?: readonly FeatureGate[];
  readsGates?: readonly FeatureGate[];
  /** Checks one template at `path` (`spec.podGroupTemplates[i]`). */
  checkTemplate: (path: string, template: PodGroupTemplate, ctx: RuleContext<Workload>) => Array<FieldError | WarningOnly>;
}

export function defineTemplateRule(spec: TemplateRuleSpec): Rule {
  const { checkTemplate, ...meta } = spec;
  return defineRule<Workload>({
    severity: 'error',
    ...meta,
    style: 'field',
    kinds: ['Workload'],
    operations: ['CREATE'],
    subResources: [''],
    itemsOf: TEMPLATES_PATH,
    // Early return: a list failing required/maxItems is not validated item by item (spec §1 point 5).
    skipIfFailed: ['WL-04', 'WL-05'],
    check: (ctx) => (ctx.object.spec?.podGroupTemplates ?? []).flatMap((t, i) => checkTemplate(`${TEMPLATES_PATH}[${i}]`, t, ctx)),
  });
}

/**
 * A pre-check on the template list itself (WL-04, WL-05): on CREATE and UPDATE (WL-30), skipped
 * when an update leaves the list unchanged (ratcheting, WL-31).
 */
export function defineTemplateListRule(
  id: string,
  doc: string,
  checkList: (templates: readonly PodGroupTemplate[] | undefined) => FieldError[],
): Rule {
  return defineRule<Workload>({
    id,
    doc,
    severity: 'error',
    style: 'field',
    kinds: ['Workload'],
    operations: ['CREATE', 'UPDATE'],
    subResources: [''],
    check: ({ operation, object, oldObject }) => {
      const templates = object.spec?.podGroupTemplates;
      return unchangedOnUpdate(operation, oldObject?.spec?.podGroupTemplates, templates) ? [] : checkList(templates);
    },
  });
}
