// One entry point for lint and the webhook: evaluate an admission request against every rule that
// applies to it, honouring early-return dependencies and per-rule severity overrides.

import { ALL_FEATURE_GATES, knownKind, kubeVersionOfObject, LookupUnavailableError } from '@kubectl-workload/api';
import type { FeatureGate, FeatureGates, KnownKind, KubeObject, KubeVersion, ObjectLookup } from '@kubectl-workload/api';
import type { Finding, LookupFailure, Verdict } from './finding.js';
import type { Operation, Rule, RuleContext, RuleResult, Severity, SubResource } from './rule.js';
import { rulesFor } from './registry.js';
import { orderLikeApiServer } from './item-order.js';
import type { RankedFinding } from './item-order.js';
import { withPodGroupDefaults } from './defaulting.js';

export interface EvaluationRequest {
  operation: Operation;
  subResource?: SubResource;
  object: KubeObject;
  oldObject?: KubeObject;
  gates: FeatureGates;
  /**
   * The Kubernetes version of the cluster (`--kube-version`). Unset: a workload-scheduling object's
   * own API version says it (v1alpha2 → 1.36, v1beta1/v1alpha3 → 1.37), else 1.36.
   */
  kubeVersion?: KubeVersion;
}

export type SeverityOverride = Severity | 'off';

export interface EvaluationOptions {
  /** Per-rule severity: `off` disables the rule. */
  overrides?: Readonly<Record<string, SeverityOverride>>;
  rules?: readonly Rule[];
}

/** A rule that applies to one kind of request, with its position among the kind's rules (for ordering). */
interface PlannedRule {
  rule: Rule;
  rank: number;
}

/**
 * The rules that apply, per rule list (one per Kubernetes version), then per kind, operation,
 * subresource and gate set. A webhook sees few distinct combinations, so each request reuses a
 * list instead of filtering every rule.
 */
const planCache = new WeakMap<readonly Rule[], Map<string, PlannedRule[]>>();

/** The gates as a bit set: part of the plan key, cheap to compute on every request. */
function gateMask(gates: FeatureGates): number {
  let mask = 0;
  for (let i = 0; i < ALL_FEATURE_GATES.length; i++) if (gates[ALL_FEATURE_GATES[i] as FeatureGate]) mask |= 1 << i;
  return mask;
}

function planFor(rules: readonly Rule[], kind: KnownKind, req: EvaluationRequest, subResource: SubResource): readonly PlannedRule[] {
  let plans = planCache.get(rules);
  if (!plans) {
    plans = new Map();
    planCache.set(rules, plans);
  }
  const key = `${kind}/${req.operation}/${subResource}/${gateMask(req.gates)}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = rules
      .filter((rule) => rule.kinds.includes(kind))
      .map((rule, rank) => ({ rule, rank }))
      .filter(({ rule }) => applies(rule, req, subResource));
    plans.set(key, plan);
  }
  return plan;
}

function applies(rule: Rule, req: EvaluationRequest, subResource: SubResource): boolean {
  if (!rule.operations.includes(req.operation)) return false;
  if (!rule.subResources.includes(subResource)) return false;
  return (rule.gates ?? []).every((g) => req.gates[g]);
}

function toFinding(rule: Rule, severity: Severity, result: RuleResult): Finding {
  if ('warning' in result)
    return { rule: rule.id, severity: severity === 'error' ? 'warning' : severity, style: 'field', error: result.warning };
  if ('type' in result) return { rule: rule.id, severity, style: 'field', error: result };
  return { rule: rule.id, severity, style: 'admission', rejection: result };
}

export async function evaluate(request: EvaluationRequest, lookup: ObjectLookup, options: EvaluationOptions = {}): Promise<Verdict> {
  const verdict: Verdict = { errors: [], warnings: [], infos: [], lookupFailures: [] };
  const req = withPodGroupDefaults(request);
  const kind = knownKind(req.object);
  if (!kind) return verdict;
  const subResource = req.subResource ?? '';
  const kubeVersion = req.kubeVersion ?? kubeVersionOfObject(req.object) ?? '1.36';
  const ctx: RuleContext = {
    operation: req.operation,
    subResource,
    object: req.object,
    oldObject: req.oldObject,
    gates: req.gates,
    lookup,
    kubeVersion,
  };
  /** Made when a rule first reports: most objects pass every rule. */
  let reported: Set<string> | undefined;
  const ranked: RankedFinding[] = [];
  // Runs for every object lint reads, over dozens of rules: an indexed loop, no closure per rule.
  const plan = planFor(options.rules ?? rulesFor(kubeVersion), kind, req, subResource);
  for (let i = 0; i < plan.length; i++) {
    const { rule, rank } = plan[i] as PlannedRule;
    if (rule.skipIfFailed && reported && anyOf(rule.skipIfFailed, reported)) continue;
    let results: readonly RuleResult[];
    try {
      const checked = rule.check(ctx);
      // Most rules answer synchronously: awaiting those would only add a microtask hop each.
      results = isPromise(checked) ? await checked : checked;
    } catch (err) {
      if (err instanceof LookupUnavailableError) {
        verdict.lookupFailures.push(lookupFailure(rule, err));
        continue;
      }
      throw err;
    }
    if (!results.length) continue;
    // A rule turned off still "failed" for early-return purposes: upstream would have stopped there.
    (reported ??= new Set()).add(rule.id);
    const severity = options.overrides?.[rule.id] ?? rule.severity;
    if (severity !== 'off') for (const r of results) ranked.push({ rule, rank, finding: toFinding(rule, severity, r) });
    if (rule.decode) break;
  }
  for (const { finding } of orderLikeApiServer(ranked)) {
    const bucket = finding.severity === 'error' ? verdict.errors : finding.severity === 'warning' ? verdict.warnings : verdict.infos;
    bucket.push(finding);
  }
  return verdict;
}

function anyOf(ids: readonly string[], reported: ReadonlySet<string>): boolean {
  for (const id of ids) if (reported.has(id)) return true;
  return false;
}

function isPromise(value: readonly RuleResult[] | Promise<readonly RuleResult[]>): value is Promise<readonly RuleResult[]> {
  return typeof (value as Promise<unknown>).then === 'function';
}

function lookupFailure(rule: Rule, err: Error): LookupFailure {
  return { rule: rule.id, error: err.message };
}
