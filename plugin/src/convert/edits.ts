// Applies a conversion's edits to a YAML document in place: the `yaml` package's document model keeps
// comments, key order and formatting of everything the edits do not touch.

import { isMap, isScalar, type Document } from 'yaml';
import type { Edit, Path } from './convert-object.js';

function renameKey(doc: Document, path: Path, key: string, value: unknown): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const oldKey = path[path.length - 1];
  if (!isMap(parent)) return;
  const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === oldKey);
  if (!pair) return;
  // The pair keeps its place and the comment before it; only its key and value change.
  const newKey = doc.createNode(key);
  if (isScalar(pair.key)) {
    newKey.commentBefore = pair.key.commentBefore;
    newKey.spaceBefore = pair.key.spaceBefore;
  }
  pair.key = newKey;
  pair.value = doc.createNode(value);
}

/** Applies `edits` under `prefix` (e.g. `['items', 3]` for an object inside a List). */
export function applyEdits(doc: Document, edits: readonly Edit[], prefix: Path = []): void {
  for (const edit of edits) {
    const path = [...prefix, ...edit.path];
    if (edit.op === 'set') doc.setIn(path, doc.createNode(edit.value));
    else if (edit.op === 'delete') doc.deleteIn(path);
    else renameKey(doc, path, edit.key, edit.value);
  }
}
