// A fast path for the YAML most manifests are written in: block mappings and sequences of plain or
// simply quoted scalars, one per line, ASCII outside comments. It reads such a document several times faster
// than js-yaml's general parser and yields the very same value: scalars resolve through the
// schema's own implicit tags. Anything else (flow collections, anchors, tags, block or multi-line
// scalars, escapes, inline comments, duplicate keys, non-ASCII text) makes it give up, and the
// caller parses the document with js-yaml, which produces the value or the error.

import type { Schema } from 'js-yaml';

/** Thrown (never escapes this module) when a document leaves the subset; made once, so no stack per throw. */
const GIVE_UP = new Error('not plain block YAML');

/** The tags a value may resolve to here; `<<` (merge) and the like go to js-yaml. */
const PLAIN_TAGS = new Set(['null', 'bool', 'int', 'float', 'str'].map((t) => `tag:yaml.org,2002:${t}`));
const STR_TAG = 'tag:yaml.org,2002:str';

/** js-yaml refuses deeper documents (maxDepth 100); they are left to it. */
const MAX_DEPTH = 50;

/** Characters that start something other than a plain scalar (YAML c-indicator), bar `-` before text. */
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$))/;
/** What a plain scalar of the subset holds nowhere: an indicator first, a comment, a mapping, a flow collection. */
const NOT_PLAIN = new RegExp(`${INDICATOR.source}| #|: |:$|[[\\]{}]`);
/** Content lines are ASCII; comments may hold any printable character (not C0/C1 controls, U+2028/9, BOM, surrogates). */
const NOT_ASCII_TEXT = /[^\x20-\x7e]/;
const NOT_PRINTABLE = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

const SPACE = 0x20;
const HASH = 0x23;

interface Line {
  indent: number;
  /** The line without its indentation and trailing blanks. */
  text: string;
}

const isItem = (text: string): boolean => text === '-' || text.startsWith('- ');
const isKeyStart = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
const isKeyChar = (code: number): boolean => isKeyStart(code) || code === 0x2e || code === 0x2f || code === 0x2d;

/** `key:` or `key: value` (key `[A-Za-z0-9_][A-Za-z0-9_./-]*`): the index of its colon, else -1. */
function keyColon(text: string): number {
  const colon = text.indexOf(':');
  if (colon < 1 || !isKeyStart(text.charCodeAt(0))) return -1;
  for (let i = 1; i < colon; i++) if (!isKeyChar(text.charCodeAt(i))) return -1;
  return colon + 1 === text.length || text.charCodeAt(colon + 1) === SPACE ? colon : -1;
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * The lines that carry content: no blank lines, no comment lines, no leading `---`. Only spaces are
 * blanks: YAML takes other Unicode blanks (U+00A0, U+3000, …) as text, and they are not ASCII.
 */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    const lineStart = start;
    const newline = text.indexOf('\n', lineStart);
    const end = newline < 0 ? text.length : newline;
    start = end + 1;
    let first = lineStart;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    let last = end;
    while (last > first && text.charCodeAt(last - 1) === SPACE) last--;
    if (first === last || text.charCodeAt(first) === HASH) continue;
    const body = text.slice(first, last);
    if (NOT_ASCII_TEXT.test(body)) giveUp();
    const indent = first - lineStart;
    if (indent === 0 && (body.startsWith('---') || body.startsWith('...'))) {
      if (body !== '---' || lines.length > 0) giveUp();
      continue;
    }
    lines.push({ indent, text: body });
  }
  return lines;
}

/**
 * What a schema resolved before: manifests repeat the same keys and most values (kinds, API
 * versions, images, quantities), so a repeated value costs one lookup and is shared, not copied.
 */
interface Memo {
  /** Keys known to resolve to strings. */
  readonly stringKeys: Set<string>;
  /** Scalar values (primitives, safe to share) by their text, quotes included. */
  readonly values: Map<string, unknown>;
}
const MEMOS = new WeakMap<Schema, Memo>();
/** Bounds each memo when values do not repeat (names): a few hundred kB at most. */
const MAX_MEMO = 10_000;

class BlockParser {
  private i = 0;
  private readonly memo: Memo;

  constructor(
    private readonly lines: Line[],
    private readonly schema: Schema,
  ) {
    let memo = MEMOS.get(schema);
    if (!memo) MEMOS.set(schema, (memo = { stringKeys: new Set(), values: new Map() }));
    this.memo = memo;
  }

  document(): unknown {
    const first = this.lines[0] ?? giveUp();
    const value = this.block(first.indent, 0);
    if (this.i !== this.lines.length) giveUp();
    return value;
  }

  private block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) giveUp();
    const line = this.lines[this.i] ?? giveUp();
    return isItem(line.text) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The value after `key:` or `-` with nothing on its line: a nested block, or null. */
  private nested(indent: number, depth: number, indentlessSequence: boolean): unknown {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return this.block(next.indent, depth + 1);
    if (next && indentlessSequence && next.indent === indent && isItem(next.text)) return this.sequence(indent, depth + 1);
    return null;
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (;;) {
      const { text } = this.lines[this.i] as Line;
      const colon = keyColon(text);
      if (colon < 0) giveUp();
      const key = this.key(text.slice(0, colon));
      if (Object.hasOwn(object, key)) giveUp();
      this.i++;
      let valueStart = colon + 1;
      while (text.charCodeAt(valueStart) === SPACE) valueStart++;
      const rest = text.slice(valueStart);
      object[key] = rest === '' ? this.nested(indent, depth, true) : this.scalar(rest);
      const next = this.lines[this.i];
      if (!next || next.indent < indent) return object;
      if (next.indent > indent || isItem(next.text)) giveUp();
    }
  }

  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i] as Line;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.i++;
        items.push(this.nested(indent, depth, false));
      } else if (keyColon(rest) >= 0) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        const column = indent + line.text.length - rest.length;
        this.lines[this.i] = { indent: column, text: rest };
        items.push(this.mapping(column, depth + 1));
      } else {
        this.i++;
        items.push(this.scalar(rest));
      }
      const next = this.lines[this.i];
      if (!next || next.indent < indent || (next.indent === indent && !isItem(next.text))) return items;
      if (next.indent > indent) giveUp();
    }
  }

  private key(text: string): string {
    const { stringKeys } = this.memo;
    if (stringKeys.has(text)) return text;
    if (text === '__proto__' || this.schema.resolveImplicitScalarTag(text).tag.tagName !== STR_TAG) giveUp();
    if (stringKeys.size < MAX_MEMO) stringKeys.add(text);
    return text;
  }

  private scalar(text: string): unknown {
    const { values } = this.memo;
    const known = values.get(text);
    if (known !== undefined) return known;
    const value = this.resolve(text);
    if (values.size < MAX_MEMO) values.set(text, value);
    return value;
  }

  private resolve(text: string): unknown {
    const quote = text[0];
    if (quote === '"' || quote === "'") {
      const inner = text.slice(1, -1);
      if (text.length < 2 || text.at(-1) !== quote || inner.includes(quote) || (quote === '"' && inner.includes('\\'))) giveUp();
      return inner;
    }
    if (NOT_PLAIN.test(text)) giveUp();
    const { value, tag } = this.schema.resolveImplicitScalarTag(text);
    if (!PLAIN_TAGS.has(tag.tagName)) giveUp();
    return value;
  }
}

/** The document's value, or undefined when it is not plain block YAML (then js-yaml must parse it). */
export function loadBlockYaml(text: string, schema: Schema): { value: unknown } | undefined {
  if (NOT_PRINTABLE.test(text)) return undefined;
  try {
    return { value: new BlockParser(contentLines(text), schema).document() };
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}
