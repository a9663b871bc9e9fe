// Building AdmissionReview bodies the way the API server sends them, and applying the JSONPatch a
// /mutate reply carries (add operations, the only kind the webhook emits).

import type { KubeObject } from '@kubectl-workload/api';
import { nameOf, namespaceOf, splitApiVersion } from '@kubectl-workload/api';
import type { AdmissionReview } from '../review.js';

export interface ReviewParts {
  uid?: string;
  operation?: 'CREATE' | 'UPDATE' | 'DELETE';
  subResource?: string;
  oldObject?: KubeObject;
}

let counter = 0;

/** An admission.k8s.io/v1 AdmissionReview request for `object` (on DELETE: oldObject = object, object = null). */
export function reviewFor(object: KubeObject, parts: ReviewParts = {}): Record<string, unknown> {
  const operation = parts.operation ?? (parts.oldObject ? 'UPDATE' : 'CREATE');
  const { group, version } = splitApiVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  const deleting = operation === 'DELETE';
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: parts.uid ?? `uid-${++counter}`,
      kind: { group, version, kind: typeof object.kind === 'string' ? object.kind : '' },
      ...(parts.subResource ? { subResource: parts.subResource } : {}),
      operation,
      name: nameOf(object),
      namespace: namespaceOf(object),
      object: deleting ? null : object,
      oldObject: deleting ? object : (parts.oldObject ?? null),
      dryRun: false,
    },
  };
}

interface AddOperation {
  op: string;
  path: string;
  value: unknown;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** RFC 6902 `add` into a copy of `object`; any other op fails the test. */
export function applyPatch<T extends KubeObject>(object: T, operations: readonly AddOperation[]): T {
  const copy = structuredClone(object) as unknown as Record<string, unknown>;
  for (const op of operations) {
    if (op.op !== 'add') throw new Error(`unexpected patch op ${op.op}`);
    const segments = op.path.split('/').slice(1).map(unescape);
    const last = segments.pop();
    if (last === undefined) throw new Error(`bad patch path ${op.path}`);
    let parent = copy;
    for (const s of segments) {
      const next = parent[s];
      if (typeof next !== 'object' || next === null) throw new Error(`patch path ${op.path}: ${s} does not exist`);
      parent = next as Record<string, unknown>;
    }
    parent[last] = structuredClone(op.value);
  }
  return copy as unknown as T;
}

/** The decoded JSONPatch of a /mutate reply ([] when it has none). */
export function patchOf(review: AdmissionReview): AddOperation[] {
  const { patch } = review.response;
  return patch ? (JSON.parse(Buffer.from(patch, 'base64').toString('utf8')) as AddOperation[]) : [];
}
