// The shape every 1.37 PodGroup and CompositePodGroup spec rule shares: a check on the spec and the
// old object's spec (empty on CREATE), reported as field errors on the main resource.

import type { FieldError, KnownKind, KubeObject } from '@kubectl-workload/api';
import { defineRule, type Operation, type Rule, type RuleContext } from '../../rule.js';

export type SpecCheck<S, T extends KubeObject> = (spec: S, old: S, ctx: RuleContext<T>) => FieldError[];

/** A rule factory for `kind`, whose objects keep their spec in `spec`. */
export function specRuleFor<T extends KubeObject & { spec?: S }, S = NonNullable<T['spec']>>(kind: KnownKind) {
  return (id: string, doc: string, operations: readonly Operation[], check: SpecCheck<S, T>, extra: Partial<Rule> = {}): Rule =>
    defineRule<T>({
      id,
      doc,
      severity: 'error',
      style: 'field',
      kinds: [kind],
      operations,
      subResources: [''],
      ...extra,
      check: (ctx) => check((ctx.object.spec ?? {}) as S, (ctx.oldObject?.spec ?? {}) as S, ctx),
    });
}
