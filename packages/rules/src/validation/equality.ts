// equality.Semantic.DeepEqual as the declarative ratcheting and immutability checks use it, on
// JSON-shaped values: a nil and an empty list are equal; an absent key equals a null one. A
// missing struct pointer (`basic` absent) still differs from an empty struct (`basic: {}`).
// An absent string equals "": the Go fields are plain strings (`apiGroup: ""` and no apiGroup
// decode alike); the few *string fields only differ there for values that are invalid anyway.

const isNil = (v: unknown): boolean => v === undefined || v === null || v === '';
const isNilOrEmptyList = (v: unknown): boolean => isNil(v) || (Array.isArray(v) && v.length === 0);

export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNilOrEmptyList(a) && isNilOrEmptyList(b)) return Array.isArray(a) || Array.isArray(b) || (isNil(a) && isNil(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "Unchanged on update": DV skips validating such a field (ratcheting, spec §1 point 4). */
export function unchangedOnUpdate(operation: string, oldValue: unknown, newValue: unknown): boolean {
  return operation === 'UPDATE' && semanticEqual(oldValue, newValue);
}
