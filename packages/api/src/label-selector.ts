// Label selectors in their string form (k8s.io/apimachinery pkg/labels Parse): comma-separated
// requirements that must all hold — `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`.
// Used by `kubectl workload status -l` and by the test API server's `labelSelector=` parameter.

export class LabelSelectorError extends Error {}

export type LabelMatcher = (labels: Readonly<Record<string, string>> | undefined) => boolean;

type Requirement =
  | { readonly key: string; readonly op: 'exists' | 'notexists' }
  | { readonly key: string; readonly op: 'in' | 'notin'; readonly values: ReadonlySet<string> };

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[-A-Za-z0-9_.]*`;
const SET_RE = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(\s*(${VALUE}(?:\s*,\s*${VALUE})*)\s*\)$`);
const EQUALITY_RE = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS_RE = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

/** Splits on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`]; empty terms dropped. */
export function splitSelectorTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

function parseRequirement(text: string, selector: string): Requirement {
  const set = SET_RE.exec(text);
  if (set?.[1] && set[2] && set[3] !== undefined) {
    const values = new Set(set[3].split(',').map((v) => v.trim()));
    return { key: set[1], op: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const equality = EQUALITY_RE.exec(text);
  if (equality?.[1] && equality[2] && equality[3] !== undefined) {
    return { key: equality[1], op: equality[2] === '!=' ? 'notin' : 'in', values: new Set([equality[3]]) };
  }
  const exists = EXISTS_RE.exec(text);
  if (exists?.[2]) return { key: exists[2], op: exists[1] ? 'notexists' : 'exists' };
  throw new LabelSelectorError(`unable to parse requirement "${text}" in label selector "${selector}"`);
}

function holds(req: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const value = Object.hasOwn(labels, req.key) ? labels[req.key] : undefined;
  switch (req.op) {
    case 'exists':
      return value !== undefined;
    case 'notexists':
      return value === undefined;
    case 'in':
      return value !== undefined && req.values.has(value);
    case 'notin':
      return value === undefined || !req.values.has(value);
  }
}

/** A matcher for `selector`; an empty or absent selector matches everything. */
export function parseLabelSelector(selector: string | undefined): LabelMatcher {
  if (!selector?.trim()) return () => true;
  const requirements = splitSelectorTerms(selector).map((text) => parseRequirement(text, selector));
  return (labels) => requirements.every((req) => holds(req, labels ?? {}));
}
