// admission.k8s.io/v1 AdmissionReview: the request the API server sends and the reply it expects.
// Field names follow k8s.io/api admission/v1 and meta/v1 Status.

import type { KubeObject } from '@kubectl-workload/api';

export const ADMISSION_API_VERSION = 'admission.k8s.io/v1';
export const ADMISSION_KIND = 'AdmissionReview';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface AdmissionRequest {
  uid: string;
  kind?: GroupVersionKind;
  subResource?: string;
  operation: string;
  namespace?: string;
  name?: string;
  object?: KubeObject | null;
  oldObject?: KubeObject | null;
}

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusDetails {
  name: string;
  group: string;
  kind: string;
  causes?: StatusCause[];
}

/** meta/v1 Status as the API server returns it for a rejected request. */
export interface Status {
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: Status;
  warnings?: string[];
  patch?: string;
  patchType?: 'JSONPatch';
}

export interface AdmissionReview {
  apiVersion: typeof ADMISSION_API_VERSION;
  kind: typeof ADMISSION_KIND;
  response: AdmissionResponse;
}

/** The body is not an AdmissionReview we can answer: the reply is HTTP 400 with this message. */
export class BadReviewError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
}

function optionalObject(request: Record<string, unknown>, key: 'object' | 'oldObject'): KubeObject | null | undefined {
  const value = request[key];
  if (value === undefined || value === null) return value;
  if (!isRecord(value)) throw new BadReviewError(`request.${key}: expected an object, got ${describe(value)}`);
  return value;
}

function optionalString(request: Record<string, unknown>, key: string): string | undefined {
  const value = request[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadReviewError(`request.${key}: expected a string, got ${describe(value)}`);
  return value;
}

function optionalKind(request: Record<string, unknown>): GroupVersionKind | undefined {
  const value = request.kind;
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new BadReviewError(`request.kind: expected an object, got ${describe(value)}`);
  const { group = '', version = '', kind = '' } = value;
  if (typeof group !== 'string' || typeof version !== 'string' || typeof kind !== 'string') {
    throw new BadReviewError('request.kind: group, version and kind must be strings');
  }
  return { group, version, kind };
}

/**
 * The request of an admission.k8s.io/v1 AdmissionReview, or a BadReviewError saying what is wrong
 * with the body (it names the field, so `curl` users see what to fix).
 */
export function parseAdmissionRequest(body: unknown): AdmissionRequest {
  if (!isRecord(body)) throw new BadReviewError(`expected an AdmissionReview object, got ${describe(body)}`);
  if (body.apiVersion !== ADMISSION_API_VERSION || body.kind !== ADMISSION_KIND) {
    throw new BadReviewError(
      `expected apiVersion ${ADMISSION_API_VERSION}, kind ${ADMISSION_KIND}; got apiVersion ${describe(body.apiVersion)}, kind ${describe(body.kind)}`,
    );
  }
  const request = body.request;
  if (!isRecord(request)) throw new BadReviewError(`request: expected an object, got ${describe(request)}`);
  const uid = request.uid;
  if (typeof uid !== 'string' || uid === '') throw new BadReviewError(`request.uid: expected a non-empty string, got ${describe(uid)}`);
  const operation = request.operation;
  if (typeof operation !== 'string') throw new BadReviewError(`request.operation: expected a string, got ${describe(operation)}`);
  return {
    uid,
    operation,
    kind: optionalKind(request),
    subResource: optionalString(request, 'subResource'),
    namespace: optionalString(request, 'namespace'),
    name: optionalString(request, 'name'),
    object: optionalObject(request, 'object'),
    oldObject: optionalObject(request, 'oldObject'),
  };
}

export function reviewOf(response: AdmissionResponse): AdmissionReview {
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_KIND, response };
}
