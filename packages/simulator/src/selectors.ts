// Label selectors, node selector terms and tolerations, with the upstream matching semantics
// (apimachinery labels.Selector, component-helpers nodeaffinity, core/v1 Toleration.ToleratesTaint).

import type { LabelSelector, NodeSelectorRequirement, NodeSelectorTerm, Taint, Toleration } from '@kubectl-workload/api';

export type Labels = Readonly<Record<string, string>>;

/** Go's strconv.ParseInt, the way Gt/Lt operators read values. */
function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}

function requirementMatches(labels: Labels, req: NodeSelectorRequirement): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value as string);
    case 'NotIn':
      return !has || !values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const mine = parseInteger(value);
      const bound = parseInteger(values[0]);
      if (!has || mine === undefined || bound === undefined || values.length !== 1) return false;
      return req.operator === 'Gt' ? mine > bound : mine < bound;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  if (!expressions.every((req) => requirementMatches(labels, req))) return false;
  // Only metadata.name is a supported field selector for nodes.
  return fields.every((req) => req.key === 'metadata.name' && requirementMatches({ 'metadata.name': nodeName }, req));
}

/** Required node affinity: terms are ORed; no terms matches nothing. */
export function nodeSelectorMatches(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  return terms.some((term) => nodeSelectorTermMatches(term, labels, nodeName));
}

/** metav1.LabelSelector: nil matches nothing, {} matches everything. */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((req) => requirementMatches(labels, req));
}

/** Toleration.ToleratesTaint, including the 1.35 Gt/Lt comparison operators (taint value vs toleration value). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Gt':
    case 'Lt': {
      const taintValue = parseInteger(taint.value);
      const bound = parseInteger(toleration.value);
      if (taintValue === undefined || bound === undefined) return false;
      return toleration.operator === 'Gt' ? taintValue > bound : taintValue < bound;
    }
    default:
      return false;
  }
}

export function toleratesAll(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => tolerates(t, taint));
}
