// One entry point for lint and the webhook: evaluate an admission request against every rule that
// applies to it, honouring early-return dependencies and per-rule severity overrides.

import { knownKind, renderErrorBody, renderFieldError, LookupUnavailableError } from '@kubectl-workload/api';
import type { FeatureGates, KnownKind, KubeObject, ObjectLookup } from '@kubectl-workload/api';
import type { Finding, LookupFailure, Verdict } from './finding.js';
import type { Operation, Rule, RuleContext, RuleResult, Severity, SubResource } from './rule.js';
import { ALL_RULES } from './registry.js';
import { orderLikeApiServer } from './item-order.js';
import type { RankedFinding } from './item-order.js';
import { withPodGroupDefaults } from './rules/podgroup/defaults.js';

export interface EvaluationRequest {
  operation: Operation;
  subResource?: SubResource;
  object: KubeObject;
  oldObject?: KubeObject;
  gates: FeatureGates;
}

export type SeverityOverride = Severity | 'off';

export interface EvaluationOptions {
  /** Per-rule severity: `off` disables the rule. */
  overrides?: Readonly<Record<string, SeverityOverride>>;
  rules?: readonly Rule[];
}

interface RulePlan {
  byKind: Map<KnownKind, Rule[]>;
}

const planCache = new WeakMap<readonly Rule[], RulePlan>();

function planFor(rules: readonly Rule[]): RulePlan {
  let plan = planCache.get(rules);
  if (!plan) {
    const byKind = new Map<KnownKind, Rule[]>();
    for (const rule of rules) for (const kind of rule.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
    plan = { byKind };
    planCache.set(rules, plan);
  }
  return plan;
}

function applies(rule: Rule, req: EvaluationRequest, subResource: SubResource): boolean {
  if (!rule.operations.includes(req.operation)) return false;
  if (!rule.subResources.includes(subResource)) return false;
  return (rule.gates ?? []).every((g) => req.gates[g]);
}

function isFieldError(r: RuleResult): r is Extract<RuleResult, { type: string }> {
  return 'type' in r;
}

function toFinding(rule: Rule, severity: Severity, result: RuleResult): Finding {
  if (isFieldError(result)) {
    return {
      rule: rule.id,
      severity,
      style: 'field',
      reason: result.type,
      field: result.field,
      message: renderFieldError(result),
      detail: renderErrorBody(result),
      ...(result.badValue !== undefined ? { badValue: result.badValue } : {}),
    };
  }
  return { rule: rule.id, severity, style: 'admission', reason: 'Forbidden', field: result.field, message: result.message };
}

export async function evaluate(request: EvaluationRequest, lookup: ObjectLookup, options: EvaluationOptions = {}): Promise<Verdict> {
  const verdict: Verdict = { errors: [], warnings: [], infos: [], lookupFailures: [] };
  const req = withPodGroupDefaults(request);
  const kind = knownKind(req.object);
  if (!kind) return verdict;
  const subResource = req.subResource ?? '';
  const ctx: RuleContext = {
    operation: req.operation,
    subResource,
    object: req.object,
    oldObject: req.oldObject,
    gates: req.gates,
    lookup,
  };
  const reported = new Set<string>();
  const ranked: RankedFinding[] = [];
  for (const [rank, rule] of (planFor(options.rules ?? ALL_RULES).byKind.get(kind) ?? []).entries()) {
    if (!applies(rule, req, subResource)) continue;
    if (rule.skipIfFailed?.some((id) => reported.has(id))) continue;
    let results: readonly RuleResult[];
    try {
      results = await rule.check(ctx);
    } catch (err) {
      if (err instanceof LookupUnavailableError) {
        verdict.lookupFailures.push(lookupFailure(rule, err));
        continue;
      }
      throw err;
    }
    if (!results.length) continue;
    // A rule turned off still "failed" for early-return purposes: upstream would have stopped there.
    reported.add(rule.id);
    const severity = options.overrides?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    for (const r of results) ranked.push({ rule, rank, finding: toFinding(rule, severity, r) });
  }
  for (const { finding } of orderLikeApiServer(ranked)) {
    const bucket = finding.severity === 'error' ? verdict.errors : finding.severity === 'warning' ? verdict.warnings : verdict.infos;
    bucket.push(finding);
  }
  return verdict;
}

function lookupFailure(rule: Rule, err: Error): LookupFailure {
  return { rule: rule.id, error: err.message };
}
