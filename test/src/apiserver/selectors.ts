// Field selectors in the string form clients send as `fieldSelector=` (label selectors come from
// @kubectl-workload/api, shared with `kubectl workload status -l`).

import { LabelSelectorError, splitSelectorTerms } from '@kubectl-workload/api';

/** A malformed selector: label-selector errors and field-selector errors both answer 400. */
export class SelectorError extends LabelSelectorError {}

export type Matcher<T> = (value: T) => boolean;

const EQUALITY_TERM = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;

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
  const terms = splitSelectorTerms(selector).map((term): Matcher<unknown> => {
    const eq = EQUALITY_TERM.exec(term);
    if (!eq) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field, op, value] = eq as unknown as [string, string, string, string];
    if (!allowed.has(field)) throw new SelectorError(`field label not supported: ${field}`);
    return op === '!=' ? (obj) => fieldValue(obj, field) !== value : (obj) => fieldValue(obj, field) === value;
  });
  return (obj) => terms.every((match) => match(obj));
}
