// Kubernetes field errors (k8s.io/apimachinery pkg/util/validation/field), rendered byte-for-byte
// as the API server renders them: `<path>: <Type string>[: <badValue>][: <detail>]`.

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueForbidden'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueTooMany'
  | 'FieldValueTooLong'
  | 'FieldValueNotFound'
  | 'InternalError';

const TYPE_STRINGS: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooMany: 'Too many',
  FieldValueTooLong: 'Too long',
  FieldValueNotFound: 'Not found',
  InternalError: 'Internal error',
};

/** Types whose rendering never shows the bad value (field/errors.go ErrorBody). */
const VALUE_HIDDEN = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError']);

/** A bad value as Go would hold it: scalars, null, or a struct/list printed as JSON. */
export type BadValue = string | number | boolean | null | undefined | readonly unknown[] | { readonly [k: string]: unknown };

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: BadValue;
  detail: string;
}

/** Go's %q for a string: double-quoted with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xfffd) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

export function renderBadValue(value: BadValue): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
    case 'boolean':
      return String(value);
    default:
      return JSON.stringify(value);
  }
}

/** The error body without the field path (what `ErrorBody()` returns). */
export function renderErrorBody(err: FieldError): string {
  let s = TYPE_STRINGS[err.type];
  if (!VALUE_HIDDEN.has(err.type)) s += ': ' + renderBadValue(err.badValue);
  if (err.detail) s += ': ' + err.detail;
  return s;
}

export function renderFieldError(err: FieldError): string {
  return `${err.field}: ${renderErrorBody(err)}`;
}

/** `[a, b]` for several errors, the bare text for one, as utilerrors.Aggregate prints. */
export function renderAggregate(errs: readonly FieldError[]): string {
  const texts = dedupe(errs.map(renderFieldError));
  return texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`;
}

function dedupe(texts: string[]): string[] {
  return [...new Set(texts)];
}

// ---- constructors (field.Required, field.Invalid, …) ----

export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const forbidden = (field: string, detail = ''): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const invalid = (field: string, badValue: BadValue, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  badValue,
  detail,
});
export const duplicate = (field: string, badValue: BadValue): FieldError => ({ type: 'FieldValueDuplicate', field, badValue, detail: '' });
export const tooLong = (field: string, detail: string): FieldError => ({ type: 'FieldValueTooLong', field, detail });
export const notFound = (field: string, badValue: BadValue, detail = ''): FieldError => ({
  type: 'FieldValueNotFound',
  field,
  badValue,
  detail,
});

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, badValue: actual, detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}` };
}

export function notSupported(field: string, badValue: BadValue, supported: readonly string[]): FieldError {
  return { type: 'FieldValueNotSupported', field, badValue, detail: `supported values: ${supported.map(goQuote).join(', ')}` };
}

// ---- paths ----

/**
 * Splits a rendered path (`spec.podGroupTemplates[0].name`) into the segments of the object it
 * points into (`['spec', 'podGroupTemplates', 0, 'name']`) — for mapping findings to YAML nodes.
 */
export function pathSegments(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(field); m; m = re.exec(field)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}
