// The PodSpecs of an object that name a PodGroup, for the pod ↔ group checks (X-15..X-18, POD-10).

import { namespaceOf } from '@kubectl-workload/api';
import type { FeatureGate, KnownKind, PodGroup, PodSpec } from '@kubectl-workload/api';
import { POD_TEMPLATE_KINDS, podSpecsOf } from '../../pod-specs.js';
import { defineRule } from '../../rule.js';
import type { FindingStyle, Operation, Rule, RuleContext, RuleResult, Severity } from '../../rule.js';
import { semanticEqual } from '../../validation/index.js';

export interface PodGroupRef {
  /** Path of the PodSpec, e.g. `spec` or `spec.template.spec`. */
  path: string;
  spec: PodSpec;
  podGroupName: string;
  /** The named PodGroup in the object's namespace, if it exists. */
  podGroup: PodGroup | undefined;
}

/**
 * PodSpecs naming a PodGroup, with the group looked up. On UPDATE a PodSpec that did not change is
 * skipped, so an existing object is not re-judged for every unrelated edit.
 */
export async function podGroupRefs(ctx: RuleContext): Promise<PodGroupRef[]> {
  const old = ctx.oldObject ? podSpecsOf(ctx.oldObject) : [];
  const refs: PodGroupRef[] = [];
  for (const { path, spec } of podSpecsOf(ctx.object)) {
    const podGroupName = spec.schedulingGroup?.podGroupName;
    if (!podGroupName) continue;
    if (ctx.operation === 'UPDATE' && semanticEqual(old.find((o) => o.path === path)?.spec, spec)) continue;
    refs.push({ path, spec, podGroupName, podGroup: await ctx.lookup.getPodGroup(namespaceOf(ctx.object), podGroupName) });
  }
  return refs;
}

export interface PodGroupRefCheck {
  id: string;
  doc: string;
  gates: readonly FeatureGate[];
  /** Findings for one PodSpec and the PodGroup it names. */
  check(ref: PodGroupRef, ctx: RuleContext): RuleResult[];
  /** By default a warning field rule on every Pod and pod template, created or changed; an admission check narrows these. */
  severity?: Severity;
  style?: FindingStyle;
  kinds?: readonly KnownKind[];
  operations?: readonly Operation[];
}

/** A rule over every Pod and pod template naming a PodGroup (created or changed), unless `spec` narrows it. */
export function podGroupRefRule(spec: PodGroupRefCheck): Rule {
  return defineRule({
    id: spec.id,
    doc: spec.doc,
    severity: spec.severity ?? 'warning',
    style: spec.style ?? 'field',
    kinds: spec.kinds ?? ['Pod', ...POD_TEMPLATE_KINDS],
    operations: spec.operations ?? ['CREATE', 'UPDATE'],
    subResources: [''],
    gates: spec.gates,
    crossObject: true,
    check: async (ctx) => (await podGroupRefs(ctx)).flatMap((ref) => spec.check(ref, ctx)),
  });
}
