// PodGroup spec rules. Content checks run on CREATE only: on UPDATE every spec field is immutable
// (PG-21..27), and a changed field fails that pre-check (skipping its content checks) while an
// unchanged one is not re-validated (ratcheting).

import type { FeatureGate, FieldError, PodGroup, PodGroupSpec } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { Operation, Rule, RuleContext, WarningOnly } from '../../rule.js';

/** PG-00: a PodGroup that does not decode is not validated further. */
export const PG_DECODE = 'PG-00';

export interface SpecRuleSpec {
  id: string;
  doc: string;
  gates?: readonly FeatureGate[];
  readsGates?: readonly FeatureGate[];
  check: (spec: PodGroupSpec, ctx: RuleContext<PodGroup>) => Array<FieldError | WarningOnly>;
}

function specRule(operations: readonly Operation[], { check, ...meta }: SpecRuleSpec): Rule {
  return defineRule<PodGroup>({
    severity: 'error',
    style: 'field',
    kinds: ['PodGroup'],
    operations,
    subResources: [''],
    ...meta,
    check: (ctx) => check(ctx.object.spec ?? {}, ctx),
  });
}

export const defineSpecCreateRule = (spec: SpecRuleSpec): Rule => specRule(['CREATE'], spec);

/** An update rule comparing a spec field with the old object's. */
export function defineSpecUpdateRule(
  spec: Omit<SpecRuleSpec, 'check'> & { check: (spec: PodGroupSpec, oldSpec: PodGroupSpec, ctx: RuleContext<PodGroup>) => FieldError[] },
): Rule {
  const { check, ...meta } = spec;
  return specRule(['UPDATE'], { ...meta, check: (s, ctx) => check(s, ctx.oldObject?.spec ?? {}, ctx) });
}
