// `-l/--selector` in kubectl's syntax (k8s.io/apimachinery pkg/labels Parse): a comma-separated list
// of requirements, all of which must hold: `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`.

import { UserError } from '../exit.js';

type Requirement =
  | { readonly key: string; readonly op: 'exists' | 'notexists' }
  | { readonly key: string; readonly op: 'in' | 'notin'; readonly values: ReadonlySet<string> };

export type LabelMatcher = (labels: Readonly<Record<string, string>> | undefined) => boolean;

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[-A-Za-z0-9_.]*`;
const SET_RE = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(\s*(${VALUE}(?:\s*,\s*${VALUE})*)\s*\)$`);
const EQUALITY_RE = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS_RE = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

/** Splits on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`]. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
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
  throw new UserError(`unable to parse requirement "${text}" in label selector "${selector}"`);
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
  const requirements = splitRequirements(selector).map((text) => parseRequirement(text, selector));
  return (labels) => requirements.every((req) => holds(req, labels ?? {}));
}
