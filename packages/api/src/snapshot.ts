// Reading a file of Kubernetes objects: what `kubectl get ... -o yaml|json` prints (a List), or any
// multi-document YAML / JSON stream. Lists are flattened, empty documents skipped.

import { parseAllDocuments } from 'yaml';
import type { KubeObject } from './types.js';

export class ObjectsFileError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `kind: List` (kubectl) and typed lists such as `PodList` (the API server) carry their objects in items. */
function isList(value: Record<string, unknown>): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function flatten(value: unknown, where: string, out: KubeObject[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${where}, item ${i}`, out));
    return;
  }
  if (!isRecord(value)) throw new ObjectsFileError(`${where}: expected a Kubernetes object, got ${typeof value}`);
  if (isList(value)) {
    (value.items as unknown[]).forEach((item, i) => flatten(item, `${where}, items[${i}]`, out));
    return;
  }
  if (typeof value.kind !== 'string' || value.kind === '') {
    throw new ObjectsFileError(`${where}: object has no kind`);
  }
  out.push(value as KubeObject);
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
 * Every object in `text`. Errors name the file and the document (1-based) and, for YAML syntax
 * errors, the line.
 */
export function parseObjectsFile(text: string, filename: string): KubeObject[] {
  const out: KubeObject[] = [];
  const json = tryJson(text);
  if (json !== undefined) {
    flatten(json, filename, out);
    return out;
  }
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(docs)) return out; // an empty stream
  docs.forEach((doc, i) => {
    const where = `${filename}: document ${i + 1}`;
    const [error] = doc.errors;
    if (error) {
      const line = error.linePos?.[0].line;
      throw new ObjectsFileError(`${where}${line ? ` (line ${line})` : ''}: ${error.message.split('\n')[0]}`);
    }
    flatten(doc.toJS({ maxAliasCount: 1000 }), where, out);
  });
  return out;
}
