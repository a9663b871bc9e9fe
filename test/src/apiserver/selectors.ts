// Label selectors (equality- and set-based) and field selectors, in the string forms clients send
// as `labelSelector=` and `fieldSelector=` query parameters.

export class SelectorError extends Error {}

type Labels = Record<string, string> | undefined;
export type Matcher<T> = (value: T) => boolean;

/** Splits on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`]. */
function splitTerms(selector: string): string[] {
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

const SET_TERM = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^()]*)\)$/;
const EQUALITY_TERM = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;
const KEY = /^[^\s!=(),]+$/;

function labelTerm(term: string): Matcher<Labels> {
  const set = SET_TERM.exec(term);
  if (set) {
    const [, key, op, list] = set as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()).filter((v) => v !== ''));
    return op === 'in'
      ? (labels) => labels?.[key] !== undefined && values.has(labels[key])
      : (labels) => labels?.[key] === undefined || !values.has(labels[key]);
  }
  const eq = EQUALITY_TERM.exec(term);
  if (eq) {
    const [, key, op, value] = eq as unknown as [string, string, string, string];
    return op === '!=' ? (labels) => labels?.[key] !== value : (labels) => labels?.[key] === value;
  }
  if (term.startsWith('!') && KEY.test(term.slice(1))) {
    const key = term.slice(1);
    return (labels) => labels?.[key] === undefined;
  }
  if (KEY.test(term)) return (labels) => labels?.[term] !== undefined;
  throw new SelectorError(`unable to parse requirement: ${JSON.stringify(term)}`);
}

export function parseLabelSelector(selector: string): Matcher<Labels> {
  const terms = splitTerms(selector).map(labelTerm);
  return (labels) => terms.every((match) => match(labels));
}

/** Reads a field by dotted path; `spec.nodeName` of an object without one is the empty string. */
function fieldValue(obj: unknown, path: string): string {
  let value: unknown = obj;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Fields the real server accepts per kind beyond metadata.name/namespace. */
const KIND_FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'status.phase', 'spec.schedulerName', 'spec.restartPolicy'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'reason', 'type', 'source'],
};

export function parseFieldSelector(selector: string, kind: string): Matcher<unknown> {
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(KIND_FIELDS[kind] ?? [])]);
  const terms = splitTerms(selector).map((term): Matcher<unknown> => {
    const eq = EQUALITY_TERM.exec(term);
    if (!eq) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field, op, value] = eq as unknown as [string, string, string, string];
    if (!allowed.has(field)) throw new SelectorError(`field label not supported: ${field}`);
    return op === '!=' ? (obj) => fieldValue(obj, field) !== value : (obj) => fieldValue(obj, field) === value;
  });
  return (obj) => terms.every((match) => match(obj));
}
