// file:line:col for a field of a parsed object. js-yaml's load keeps no positions, so a document
// that did not take the block fast path (block-positions.ts) is parsed a second time into js-yaml's
// event stream (which carries source offsets) only when something asks for a position in it: most
// documents never have a finding.

import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml';
import type { Event } from 'js-yaml';
import type { DocumentText } from './documents.js';

const { MAPPING: EVENT_MAPPING, POP: EVENT_POP, SCALAR: EVENT_SCALAR, SEQUENCE: EVENT_SEQUENCE } = EVENT_ID;
const { SINGLE_QUOTED: SCALAR_STYLE_SINGLE_QUOTED, DOUBLE_QUOTED: SCALAR_STYLE_DOUBLE_QUOTED } = SCALAR_STYLE;

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export type PathSegment = string | number;

/** Finds a field path in one document. */
export interface Locator {
  /** The position of `path` (or of its nearest existing parent) in the document. */
  locate(path: readonly PathSegment[]): Position;
}

/** Where a node starts: a collection's first token, a scalar's opening quote if it has one. */
function offsetOf(event: Event | undefined): number | undefined {
  if (!event) return undefined;
  if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) return event.start;
  if (event.type !== EVENT_SCALAR || event.valueStart < 0) return undefined;
  const quoted = event.style === SCALAR_STYLE_SINGLE_QUOTED || event.style === SCALAR_STYLE_DOUBLE_QUOTED;
  return quoted ? event.valueStart - 1 : event.valueStart;
}

/** The index just past the node whose first event is at `i`. */
function nodeEnd(events: readonly Event[], i: number): number {
  const type = events[i]?.type;
  if (type !== EVENT_MAPPING && type !== EVENT_SEQUENCE) return i + 1;
  let j = i + 1;
  while (j < events.length && events[j]?.type !== EVENT_POP) j = nodeEnd(events, j);
  return j + 1;
}

const isPop = (event: Event | undefined) => !event || event.type === EVENT_POP;

/** The value index and key offset of `key` in the mapping at `i`. */
function mappingEntry(
  source: string,
  events: readonly Event[],
  i: number,
  key: string,
): { value: number; offset: number | undefined } | undefined {
  for (let j = i + 1; !isPop(events[j]); ) {
    const keyEvent = events[j];
    const value = nodeEnd(events, j);
    if (keyEvent?.type === EVENT_SCALAR && getScalarValue(source, keyEvent) === key) return { value, offset: offsetOf(keyEvent) };
    j = nodeEnd(events, value);
  }
  return undefined;
}

/** The index of item `n` of the sequence at `i`. */
function sequenceItem(events: readonly Event[], i: number, n: number): number | undefined {
  let j = i + 1;
  for (let k = 0; k < n && !isPop(events[j]); k++) j = nodeEnd(events, j);
  return isPop(events[j]) ? undefined : j;
}

/** The offset of the deepest node on `path` that exists: a map entry's key, a sequence item. */
function deepestOffset(source: string, events: readonly Event[], path: readonly PathSegment[]): number {
  let i = 1; // events[0] opens the document
  let offset = offsetOf(events[i]) ?? 0;
  for (const segment of path) {
    const type = events[i]?.type;
    if (type === EVENT_MAPPING) {
      const entry = mappingEntry(source, events, i, String(segment));
      if (!entry) break;
      offset = entry.offset ?? offset;
      i = entry.value;
    } else if (type === EVENT_SEQUENCE && typeof segment === 'number') {
      const item = sequenceItem(events, i, segment);
      if (item === undefined) break;
      offset = offsetOf(events[item]) ?? offset;
      i = item;
    } else {
      break;
    }
  }
  return offset;
}

/** The document's events; none (so positions fall back to its start) for JSON that YAML rejects. */
function eventsOf(text: string): Event[] {
  try {
    return parseEvents(text, {});
  } catch {
    return [];
  }
}

/** Offsets where each line of `text` starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`: the last line start at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface ParsedDocument {
  readonly document: DocumentText;
  readonly events: Event[];
  readonly lineStarts: number[];
}

// Only the document located last keeps its events: lint locates one object's findings, then the
// next object's, so each document is parsed once while memory holds one document's events instead
// of those of every document with a finding (33k findings: ~200 MB and most of the GC time).
let lastParsed: ParsedDocument | undefined;

function parsed(document: DocumentText): ParsedDocument {
  if (lastParsed?.document !== document)
    lastParsed = { document, events: eventsOf(document.text), lineStarts: lineStartsOf(document.text) };
  return lastParsed;
}

/** Positions inside one document; parses it when asked. */
export class DocumentPositions implements Locator {
  constructor(private readonly document: DocumentText) {}

  locate(path: readonly PathSegment[]): Position {
    const { events, lineStarts } = parsed(this.document);
    const offset = deepestOffset(this.document.text, events, path);
    const line = lineAt(lineStarts, offset);
    return { line: this.document.line + line, column: offset - (lineStarts[line] ?? 0) + 1 };
  }
}
