// Kubernetes objects from one file of manifests, each able to say where any of its fields is.
// Multi-document YAML, JSON, `List` kinds. Plain block documents take a fast path (block-yaml.ts),
// the rest js-yaml (several times faster than `yaml` with positions); positions are computed
// lazily per document (block-positions.ts for the fast path, positions.ts for the rest).

import { CORE_SCHEMA, load, mergeTag, YAMLException } from 'js-yaml';
import { pathSegments } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { loadBlockYaml } from './block-yaml.js';
import { hasContent, splitDocuments } from './documents.js';
import type { DocumentText } from './documents.js';
import { BlockPositions } from './block-positions.js';
import { DocumentPositions } from './positions.js';
import type { Locator, PathSegment, Position } from './positions.js';

/** YAML 1.2 core, plus `<<` merge keys, which Kubernetes' YAML decoder (go-yaml) also honours. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** A file's name as shown to the user (`<stdin>` for standard input) and its text. */
export interface ManifestSource {
  readonly name: string;
  readonly text: string;
}

/** Something in the input that is not a Kubernetes object: a syntax error, a scalar, no kind. */
export interface LoadDiagnostic extends Position {
  readonly file: string;
  readonly message: string;
}

/** Field paths split before: a rule reports the same field on every object that fails it. */
const SEGMENTS = new Map<string, readonly PathSegment[]>();
const MAX_SEGMENTS = 1000;

function segmentsOf(field: string): readonly PathSegment[] {
  let segments = SEGMENTS.get(field);
  if (!segments) {
    segments = pathSegments(field);
    if (SEGMENTS.size < MAX_SEGMENTS) SEGMENTS.set(field, segments);
  }
  return segments;
}

export class ManifestObject {
  constructor(
    readonly object: KubeObject,
    readonly file: string,
    private readonly positions: Locator,
    /** Where the object sits in its document: `[]`, or `['items', 3]` inside a List. */
    private readonly path: readonly PathSegment[],
  ) {}

  /** The position of a field path such as `spec.podGroupTemplates[0].name`, or of its nearest existing parent. */
  position(field = ''): Position {
    return this.positions.locate([...this.path, ...segmentsOf(field)]);
  }
}

export interface LoadedManifests {
  objects: ManifestObject[];
  diagnostics: LoadDiagnostic[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/** `kind: List` (kubectl) and typed lists such as `PodList` carry their objects in `items`. */
function isList(value: Record<string, unknown>): value is Record<string, unknown> & { items: unknown[] } {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

const TYPE_FIELDS = ['apiVersion', 'kind'] as const;

class Collector {
  readonly result: LoadedManifests = { objects: [], diagnostics: [] };

  constructor(private readonly file: string) {}

  diagnose(position: Position, message: string): void {
    this.result.diagnostics.push({ file: this.file, ...position, message });
  }

  /** Adds the objects in `value`, found at `path` of a document. */
  collect(value: unknown, positions: Locator, path: PathSegment[]): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.collect(item, positions, [...path, i]));
      return;
    }
    if (!isRecord(value)) {
      this.diagnose(positions.locate(path), `expected a Kubernetes object, got ${describe(value)}`);
      return;
    }
    if (isList(value)) {
      value.items.forEach((item, i) => this.collect(item, positions, [...path, 'items', i]));
      return;
    }
    const missing = TYPE_FIELDS.filter((k) => value[k] === undefined || value[k] === null || value[k] === '');
    if (missing.length) {
      this.diagnose(positions.locate(path), `not a Kubernetes object: missing ${missing.join(' and ')}`);
      return;
    }
    const notText = TYPE_FIELDS.find((k) => typeof value[k] !== 'string');
    if (notText) {
      this.diagnose(
        positions.locate([...path, notText]),
        `not a Kubernetes object: ${notText} must be a string, got ${describe(value[notText])}`,
      );
      return;
    }
    this.result.objects.push(new ManifestObject(value, this.file, positions, path));
  }

  yamlDocument(document: DocumentText): void {
    // The fast path takes no document without content (comments and markers only), so it goes first.
    const plain = loadBlockYaml(document.text, SCHEMA);
    if (plain) {
      this.collect(plain.value, new BlockPositions(document), []);
      return;
    }
    if (!hasContent(document.text)) return;
    let value: unknown;
    try {
      value = load(document.text, { schema: SCHEMA });
    } catch (err) {
      if (!(err instanceof YAMLException)) throw err;
      const mark = err.mark;
      this.diagnose({ line: document.line + (mark?.line ?? 0), column: (mark?.column ?? 0) + 1 }, `YAML syntax error: ${err.reason}`);
      return;
    }
    this.collect(value, new DocumentPositions(document), []);
  }
}

/** A whole file that is one JSON value; JSON.parse is far faster than any YAML parser. */
function parseJson(text: string): { value: unknown } | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined; // YAML flow style, or broken JSON: the YAML path reports where.
  }
}

export function loadManifests(source: ManifestSource): LoadedManifests {
  const collector = new Collector(source.name);
  const json = parseJson(source.text);
  if (json) {
    collector.collect(json.value, new DocumentPositions({ text: source.text, line: 1 }), []);
  } else {
    for (const document of splitDocuments(source.text)) collector.yamlDocument(document);
  }
  return collector.result;
}

/** Every object of every source, diagnostics in source order. */
export function loadSources(sources: readonly ManifestSource[]): LoadedManifests {
  const all: LoadedManifests = { objects: [], diagnostics: [] };
  for (const source of sources) {
    const { objects, diagnostics } = loadManifests(source);
    all.objects.push(...objects);
    all.diagnostics.push(...diagnostics);
  }
  return all;
}

/** `file:line:col: message`, how every command prints unreadable input. */
export function formatDiagnostic(d: LoadDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
