// Reading a file of Kubernetes objects: what `kubectl get ... -o yaml|json` prints (a List), or any
// multi-document YAML / JSON stream. Lists are flattened, empty documents skipped. No positions are
// kept: JSON.parse for JSON, js-yaml for YAML (an order of magnitude faster and leaner than `yaml`'s
// document model on cluster-sized files).

import { CORE_SCHEMA, loadAll, mergeTag, YAMLException } from 'js-yaml';
import type { KubeObject } from './types.js';

/** YAML 1.2 core plus `<<` merge keys, which Kubernetes' YAML decoder also honours. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export class ObjectsFileError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kind: List` (kubectl) and typed lists such as `PodList` (the API server) carry their objects in items. */
function isList(value: Record<string, unknown>): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function flatten(value: unknown, where: string, out: KubeObject[], annotations?: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${where}, item ${i}`, out, annotations));
    return;
  }
  if (!isRecord(value)) throw new ObjectsFileError(`${where}: expected a Kubernetes object, got ${typeof value}`);
  if (isList(value)) {
    const listed = (value.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations ?? {};
    for (const [key, text] of Object.entries(listed)) if (typeof text === 'string') annotations?.set(key, text);
    (value.items as unknown[]).forEach((item, i) => flatten(item, `${where}, items[${i}]`, out, annotations));
    return;
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    throw new ObjectsFileError(`${where}: object has no kind`);
  }
  out.push(value);
}

/** A single JSON value, a JSON stream is rare; JSON.parse is far faster than the YAML parser. */
function tryJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The 1-based document a 0-based line falls in, counted like the YAML parser: every `---` line starts
 * a document, and content before the first one is a document of its own.
 */
function documentAt(text: string, line: number): number {
  let document = 0;
  for (const l of text.split('\n', line + 1)) {
    if (/^---(\s|$)/.test(l)) document++;
    else if (document === 0 && l.trim() !== '' && !l.startsWith('#') && !l.startsWith('%')) document = 1;
  }
  return Math.max(document, 1);
}

/**
 * Every object in `text`. Errors name the file and the document (1-based) and, for YAML syntax
 * errors, the line. `annotations` collects the annotations of the Lists in the file.
 */
export function parseObjectsFile(text: string, filename: string, annotations?: Map<string, string>): KubeObject[] {
  const out: KubeObject[] = [];
  const json = tryJson(text);
  if (json !== undefined) {
    flatten(json, filename, out, annotations);
    return out;
  }
  let documents: unknown[];
  try {
    documents = loadAll(text, { schema: SCHEMA });
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const line = err.mark?.line;
    const where = line === undefined ? filename : `${filename}: document ${documentAt(text, line)} (line ${line + 1})`;
    throw new ObjectsFileError(`${where}: ${err.reason}`, { cause: err });
  }
  documents.forEach((doc, i) => flatten(doc, `${filename}: document ${i + 1}`, out, annotations));
  return out;
}
