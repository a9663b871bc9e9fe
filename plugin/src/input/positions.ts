// file:line:col for a field of a parsed object. The fast parser keeps no positions, so a document
// is parsed a second time with `yaml` (which keeps node ranges) only when something asks for a
// position in it: most documents never have a finding.

import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { DocumentText } from './documents.js';

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export type PathSegment = string | number;

function keyMatches(key: unknown, segment: PathSegment): boolean {
  return isScalar(key) && String(key.value) === String(segment);
}

/** The offset of the deepest node on `path` that exists: a map entry's key, a sequence item. */
function deepestOffset(root: Node, path: readonly PathSegment[]): number {
  let node: unknown = root;
  let offset = root.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** Positions inside one document; parses it on first use. */
export class DocumentPositions {
  private parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(private readonly document: DocumentText) {}

  private parse(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      const doc = parseDocument(this.document.text, { lineCounter: lines, uniqueKeys: false });
      this.parsed = { doc, lines };
    }
    return this.parsed;
  }

  /** The position of `path` (or of its nearest existing parent) in this document. */
  locate(path: readonly PathSegment[]): Position {
    const { doc, lines } = this.parse();
    const root = doc.contents;
    const offset = root ? deepestOffset(root, path) : 0;
    const { line, col } = lines.linePos(offset);
    return { line: this.document.line + line - 1, column: col };
  }
}
