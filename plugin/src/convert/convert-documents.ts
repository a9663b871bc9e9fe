// Converts the documents of manifest files: v1alpha2 Workloads and PodGroups (also inside a List) are
// rewritten in place, every other document is passed through as written. One report entry per
// converted object says what changed and what needs a person's decision.

import { isScalar, Parser, parseAllDocuments, type Document } from 'yaml';
import type { KubeObject } from '@kubectl-workload/api';
import type { ManifestSource } from '../input/manifests.js';
import { convertObject, isConvertible, type ConversionContext, type Decision, type Path } from './convert-object.js';
import { applyEdits } from './edits.js';

export interface ObjectReport {
  file: string;
  kind: string;
  namespace: string;
  name: string;
  changes: string[];
  /** Non-empty: the object is left as written (v1alpha2) until a person decides. */
  decisions: Decision[];
}

/** A document and, when it came from text, that text as written (printed again verbatim unless edited). */
export interface SourceDocument {
  doc: Document;
  source?: string;
  edited?: boolean;
}

export interface ConvertedDocuments {
  documents: SourceDocument[];
  reports: ObjectReport[];
}

export class ConvertInputError extends Error {}

function isEmpty(doc: Document): boolean {
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.comment);
}

/** Each document's text as written: from its start to the next one's (comments before the first belong to it). */
function sourceSpans(text: string, count: number): string[] {
  const starts = [...new Parser().parse(text)].filter((token) => token.type === 'document').map((token) => token.offset);
  if (starts.length !== count) return [];
  return starts.map((start, i) => text.slice(i === 0 ? 0 : start, starts[i + 1] ?? text.length));
}

function parse(input: ManifestSource): SourceDocument[] {
  const documents = parseAllDocuments(input.text, { prettyErrors: true });
  if (!Array.isArray(documents)) return [];
  for (const doc of documents) {
    const [error] = doc.errors;
    if (error) {
      const at = error.linePos ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
      throw new ConvertInputError(`${input.name}${at}: not valid YAML or JSON: ${error.message.split('\n')[0] ?? ''}`);
    }
  }
  const spans = sourceSpans(input.text, documents.length);
  // An empty document (a trailing `---`) holds nothing to keep.
  return documents.flatMap((doc, i) => (isEmpty(doc) ? [] : [{ doc, ...(spans[i] !== undefined ? { source: spans[i] } : {}) }]));
}

/** The objects of a document with where they sit: the document itself, or each item of a List. */
function objectsOf(doc: Document): Array<{ obj: KubeObject; prefix: Path }> {
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const obj = value as KubeObject & { items?: unknown };
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
    return obj.items.flatMap((item, i) =>
      item !== null && typeof item === 'object' ? [{ obj: item as KubeObject, prefix: ['items', i] }] : [],
    );
  }
  return [{ obj, prefix: [] }];
}

/** PriorityClass values the input itself declares (scheduling.k8s.io/v1), for the PG-52 priority check. */
function contextOf(objects: readonly KubeObject[]): ConversionContext {
  const priorityClasses = new Map<string, number>();
  for (const obj of objects) {
    const value = (obj as { value?: unknown }).value;
    if (obj.kind === 'PriorityClass' && obj.metadata?.name && typeof value === 'number') priorityClasses.set(obj.metadata.name, value);
  }
  return { priorityClasses };
}

export interface ParsedFile {
  file: string;
  documents: SourceDocument[];
}

export function parseInputs(inputs: readonly ManifestSource[]): ParsedFile[] {
  return inputs.map((input) => ({ file: input.name, documents: parse(input) }));
}

/** Converts in place the documents of `parsed`; PriorityClasses come from `given`, else from the documents. */
export function convertDocuments(parsed: readonly ParsedFile[], target: string, given?: ConversionContext): ConvertedDocuments {
  const located = parsed.flatMap(({ file, documents }) =>
    documents.flatMap((document) => objectsOf(document.doc).map((entry) => ({ ...entry, document, file }))),
  );
  const context = given ?? contextOf(located.map((entry) => entry.obj));
  const reports: ObjectReport[] = [];
  for (const { obj, prefix, document, file } of located) {
    if (!isConvertible(obj)) continue;
    const conversion = convertObject(obj, target, context);
    const report = { file, kind: obj.kind ?? '', namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '' };
    if (conversion.decisions.length) reports.push({ ...report, changes: [], decisions: conversion.decisions });
    else {
      applyEdits(document.doc, conversion.edits, prefix);
      document.edited = true;
      reports.push({ ...report, changes: conversion.changes, decisions: [] });
    }
  }
  return { documents: parsed.flatMap((entry) => entry.documents), reports };
}

/** YAML documents separated by `---`: unedited ones exactly as written, edited ones with their comments. */
export function toYamlStream(documents: readonly SourceDocument[]): string {
  return documents
    .map(({ doc, source, edited }, i) => {
      const text = !edited && source !== undefined ? source : doc.toString();
      const ended = i === 0 || text.startsWith('---') ? text : `---\n${text}`;
      return ended.endsWith('\n') ? ended : `${ended}\n`;
    })
    .join('');
}

/** One object as itself, several as a `v1` List, as `kubectl get -o json` prints them. */
export function asJsonDocument(documents: readonly SourceDocument[]): unknown {
  const objects: unknown[] = documents.map(({ doc }): unknown => doc.toJS());
  return objects.length === 1 ? objects[0] : { apiVersion: 'v1', kind: 'List', items: objects };
}
