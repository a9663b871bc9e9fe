// Splitting a YAML stream into its documents by their `---` / `...` marker lines, keeping each
// document's offset and first line so positions found inside one document map back to the file.

export interface DocumentText {
  /** The document's text, including its `---` line when it has one. */
  readonly text: string;
  /** 1-based line of the document's first line in the file. */
  readonly line: number;
}

// A marker is `---` or `...` at column 0 followed by blank, comment or content (c-forbidden in YAML 1.2).
const MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether a document's text holds only directives (`%YAML`), comments and blank lines. */
function isPreamble(text: string): boolean {
  return !/^(?![ \t]*(#|\r?$)|%)/m.test(text);
}

/**
 * The documents of a stream. A `%` directive block stays with the `---` it precedes; a `...` line
 * ends its document, so what follows starts a new one.
 */
export function splitDocuments(text: string): DocumentText[] {
  const cuts: number[] = [0];
  for (const m of text.matchAll(MARKER)) {
    if (m[1] === '---') cuts.push(m.index);
    else {
      const eol = text.indexOf('\n', m.index);
      if (eol >= 0) cuts.push(eol + 1);
    }
  }
  cuts.push(text.length);
  const out: DocumentText[] = [];
  let line = 1;
  let start = 0;
  for (let i = 1; i < cuts.length; i++) {
    const end = cuts[i] ?? text.length;
    if (end === start) continue;
    const piece = text.slice(start, end);
    if (end < text.length && text.startsWith('---', end) && isPreamble(piece)) continue;
    out.push({ text: piece, line });
    line += countNewlines(text, start, end);
    start = end;
  }
  return out;
}

/** Whether a document holds anything besides markers, comments and blank lines. */
export function hasContent(text: string): boolean {
  return /^(?![ \t]*(#|\r?$)|(---|\.\.\.)[ \t]*(#.*)?\r?$)/m.test(text);
}
