// Positions in a document the block-YAML fast path read (block-yaml.ts). In that subset a line's
// indentation is the whole structure, so a field is found by walking the document's lines, without
// the full second parse into js-yaml's events that other documents need (positions.ts). The offsets
// are the ones those events give: a mapping entry's key, a sequence item's first character (its
// first key, its opening quote), the parent's when a path goes on past a scalar or a missing entry.

import type { DocumentText } from './documents.js';
import type { Locator, PathSegment, Position } from './positions.js';

const SPACE = 0x20;
const DASH = 0x2d;
const HASH = 0x23;
const COLON = 0x3a;

const isKeyStart = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;

/** The lines that carry content, as block-yaml.ts reads them. */
interface Rows {
  /** 0-based line in the document. */
  readonly line: number[];
  /** Offset of the line's first character. */
  readonly lineStart: number[];
  /** Offset of the text after the indentation. */
  readonly textStart: number[];
  /** Offset just past the text, trailing blanks excluded. */
  readonly textEnd: number[];
}

/** The content rows of `text`: lines that are not blank, a comment or the `---` marker. */
function rowsOf(text: string): Rows {
  const rows: Rows = { line: [], lineStart: [], textStart: [], textEnd: [] };
  for (let start = 0, line = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let first = start;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    let last = end;
    while (last > first && text.charCodeAt(last - 1) === SPACE) last--;
    const comment = text.charCodeAt(first) === HASH;
    const marker = first === start && text.startsWith('---', first);
    if (last > first && !comment && !marker) {
      rows.line.push(line);
      rows.lineStart.push(start);
      rows.textStart.push(first);
      rows.textEnd.push(last);
    }
    start = end + 1;
  }
  return rows;
}

/** A place in the document: a content row and an offset on it. */
interface Place {
  readonly row: number;
  readonly offset: number;
}

/** Walks the block structure of one document's rows, as block-yaml.ts's parser reads it. */
class BlockWalker {
  constructor(
    private readonly text: string,
    private readonly rows: Rows,
  ) {}

  get root(): Place {
    return { row: 0, offset: this.textStart(0) };
  }

  /** The position of a place, 0-based line within the document, 1-based column. */
  position(place: Place): { line: number; column: number } {
    return { line: this.rows.line[place.row] ?? 0, column: place.offset - (this.rows.lineStart[place.row] ?? 0) + 1 };
  }

  /** Whether the collection starting at `node` is a sequence (it starts with `-` and a space or nothing). */
  isSequence(node: Place): boolean {
    return this.isItem(node.row, node.offset);
  }

  /** The key `key` of the mapping at `node` and the block it opens (none for a scalar or null value). */
  entry(node: Place, key: string): { key: Place; value: Place | undefined } | undefined {
    const column = this.columnOf(node);
    for (let place: Place | undefined = node; place; place = this.nextSibling(place.row, column, false)) {
      const { row, offset } = place;
      if (this.text.startsWith(key, offset) && this.text.charCodeAt(offset + key.length) === COLON) {
        const rest = this.skipSpaces(row, offset + key.length + 1);
        return { key: place, value: rest < this.textEnd(row) ? undefined : this.nested(row, column, true) };
      }
    }
    return undefined;
  }

  /** Item `n` of the sequence at `node`: where it starts (none when null) and the block it is (none for a scalar). */
  item(node: Place, n: number): { start: Place | undefined; value: Place | undefined } | undefined {
    const column = this.columnOf(node);
    let dash: Place | undefined = node;
    for (let k = 0; k < n && dash; k++) dash = this.nextSibling(dash.row, column, true);
    if (!dash) return undefined;
    const { row } = dash;
    const rest = this.skipSpaces(row, dash.offset + 1);
    if (rest === this.textEnd(row)) {
      const value = this.nested(row, column, false);
      return { start: value, value };
    }
    const start = { row, offset: rest };
    return { start, value: this.isKey(row, rest) ? start : undefined };
  }

  private textStart(row: number): number {
    return this.rows.textStart[row] ?? 0;
  }

  private textEnd(row: number): number {
    return this.rows.textEnd[row] ?? 0;
  }

  private indent(row: number): number {
    return this.textStart(row) - (this.rows.lineStart[row] ?? 0);
  }

  private columnOf(place: Place): number {
    return place.offset - (this.rows.lineStart[place.row] ?? 0);
  }

  private isItem(row: number, offset: number): boolean {
    return this.text.charCodeAt(offset) === DASH && (offset + 1 === this.textEnd(row) || this.text.charCodeAt(offset + 1) === SPACE);
  }

  /** `key:` alone or `key: value` (a plain scalar of the subset holds no `: ` and does not end with `:`). */
  private isKey(row: number, offset: number): boolean {
    const colon = this.text.indexOf(':', offset);
    const end = this.textEnd(row);
    return (
      isKeyStart(this.text.charCodeAt(offset)) &&
      colon > offset &&
      colon < end &&
      (colon + 1 === end || this.text.charCodeAt(colon + 1) === SPACE)
    );
  }

  private skipSpaces(row: number, offset: number): number {
    const end = this.textEnd(row);
    let at = offset;
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The block after `key:` or `-` with nothing after it on `row`, or none when the value is null. */
  private nested(row: number, column: number, indentlessSequence: boolean): Place | undefined {
    const next = row + 1;
    if (next >= this.rows.line.length) return undefined;
    const indent = this.indent(next);
    const offset = this.textStart(next);
    if (indent > column || (indentlessSequence && indent === column && this.isItem(next, offset))) return { row: next, offset };
    return undefined;
  }

  /**
   * The next row at `column` in the same collection: an item when `items`, else a key (items at a
   * mapping's column belong to the indentless sequence of the entry before); none past the collection.
   */
  private nextSibling(row: number, column: number, items: boolean): Place | undefined {
    for (let next = row + 1; next < this.rows.line.length; next++) {
      const indent = this.indent(next);
      if (indent < column) return undefined;
      if (indent > column) continue;
      const offset = this.textStart(next);
      if (this.isItem(next, offset) === items) return { row: next, offset };
      if (items) return undefined;
    }
    return undefined;
  }
}

/** Where `path` is, or its nearest existing parent: the walk js-yaml's events take in positions.ts. */
function deepestPlace(walker: BlockWalker, path: readonly PathSegment[]): Place {
  let node: Place | undefined = walker.root;
  let place = node;
  for (const segment of path) {
    if (!node) break;
    if (walker.isSequence(node)) {
      const item: ReturnType<BlockWalker['item']> = typeof segment === 'number' ? walker.item(node, segment) : undefined;
      if (!item) break;
      place = item.start ?? place;
      node = item.value;
    } else {
      const entry = walker.entry(node, String(segment));
      if (!entry) break;
      place = entry.key;
      node = entry.value;
    }
  }
  return place;
}

// Only the document located last keeps its rows, as in positions.ts: lint locates one object's
// findings, then the next object's.
let last: { document: DocumentText; walker: BlockWalker } | undefined;

function walkerOf(document: DocumentText): BlockWalker {
  if (last?.document !== document) last = { document, walker: new BlockWalker(document.text, rowsOf(document.text)) };
  return last.walker;
}

/** Positions inside one document that block-yaml.ts read (never an empty one); its lines are scanned when first asked. */
export class BlockPositions implements Locator {
  constructor(private readonly document: DocumentText) {}

  locate(path: readonly PathSegment[]): Position {
    const walker = walkerOf(this.document);
    const { line, column } = walker.position(deepestPlace(walker, path));
    return { line: this.document.line + line, column };
  }
}
