// `/status` rules: only the status is validated there (spec and metadata are reset to the old object).

import type { Condition, FieldError, PodGroup, PodGroupStatus } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { Rule, RuleContext } from '../../rule.js';

export const CONDITIONS_PATH = 'status.conditions';

export interface StatusRuleSpec {
  id: string;
  doc: string;
  skipIfFailed?: readonly string[];
  check: (status: PodGroupStatus, ctx: RuleContext<PodGroup>) => FieldError[];
}

export function defineStatusRule({ check, skipIfFailed = [], ...meta }: StatusRuleSpec & { itemsOf?: string }): Rule {
  return defineRule<PodGroup>({
    severity: 'error',
    style: 'field',
    // CPG-11: a CompositePodGroup's conditions are validated by the same hand-written code.
    kinds: ['PodGroup', 'CompositePodGroup'],
    operations: ['UPDATE'],
    subResources: ['status'],
    skipIfFailed,
    ...meta,
    check: (ctx) => check(ctx.object.status ?? {}, ctx),
  });
}

/** metav1 ValidateConditions checks each condition in turn (PG-30..36); not ratcheted (hand-written). */
export function defineConditionRule(
  id: string,
  doc: string,
  checkCondition: (path: string, c: Condition, i: number, all: readonly Condition[]) => FieldError[],
): Rule {
  return defineStatusRule({
    id,
    doc,
    itemsOf: CONDITIONS_PATH,
    check: (status) => (status.conditions ?? []).flatMap((c, i, all) => checkCondition(`${CONDITIONS_PATH}[${i}]`, c, i, all)),
  });
}
