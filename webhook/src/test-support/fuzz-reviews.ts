// Generators of hostile AdmissionReview traffic for the fuzz test and the long fuzz benchmark:
// random JSON, reviews around random objects, valid objects with random parts replaced, truncated
// bodies. Each case knows the uid a well-formed review must echo.

import fc from 'fast-check';
import type { Job, KubeObject, Pod, PodGroup, Workload } from '@kubectl-workload/api';
import type { AdmissionReview } from '../review.js';
import type { HandlerReply } from '../review-handler.js';
import { reviewFor } from './reviews.js';

/** Valid objects of every kind the webhook checks, in namespace `ml` (the fixture snapshot's). */
export const VALID_OBJECTS: readonly (Workload | PodGroup | Pod | Job)[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'Workload',
    metadata: { name: 'training', namespace: 'ml' },
    spec: {
      podGroupTemplates: [
        { name: 'workers', schedulingPolicy: { gang: { minCount: 4 } }, priorityClassName: 'training-high', priority: 1000 },
      ],
    },
  },
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'training-workers', namespace: 'ml' },
    spec: {
      podGroupTemplateRef: { workload: { workloadName: 'training', podGroupTemplateName: 'workers' } },
      schedulingPolicy: { gang: { minCount: 4 } },
      disruptionMode: 'PodGroup',
    },
  },
  {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'standalone', namespace: 'ml' },
    spec: { schedulingPolicy: { basic: {} }, resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpu-template' }] },
    status: {
      conditions: [
        { type: 'PodGroupScheduled', status: 'True', reason: 'Scheduled', lastTransitionTime: '2026-01-01T00:00:00Z', message: '' },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'worker-0', namespace: 'ml' },
    spec: {
      schedulingGroup: { podGroupName: 'training-workers' },
      containers: [{ name: 'main', image: 'trainer:1', resources: { requests: { cpu: '1' } } }],
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'train', namespace: 'ml' },
    spec: {
      parallelism: 4,
      completions: 4,
      completionMode: 'Indexed',
      template: {
        spec: {
          schedulingGroup: { podGroupName: 'training-workers' },
          restartPolicy: 'Never',
          containers: [{ name: 'main', image: 'trainer:1' }],
        },
      },
    },
  },
];

const OPERATIONS = ['CREATE', 'CREATE', 'UPDATE', 'UPDATE', 'DELETE', 'CONNECT', ''] as const;
const SUBRESOURCES = ['', '', '', 'status', 'scale', 'ephemeralcontainers'] as const;

type Json = unknown;
/** An object or array, indexed by key (array indices as strings). */
type JsonNode = Record<string, unknown>;

/** One change at the node reached by following `steps` (each step picks a key of the current node). */
interface Change {
  steps: number[];
  /** Type-breaking: any JSON (or delete when null). */
  anyValue: Json | null;
  /** Type-preserving: a string, an integer, or removing the field / emptying or repeating a list. */
  text: string;
  integer: number;
  remove: boolean;
}

function changeAt(value: Json, change: Change, typed: boolean): Json {
  const root = structuredClone(value);
  let node = root as JsonNode;
  for (let i = 0; i < change.steps.length; i++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[(change.steps[i] ?? 0) % keys.length] as string;
    const child = node[key];
    if (i < change.steps.length - 1 && typeof child === 'object' && child !== null) {
      node = child as JsonNode;
      continue;
    }
    if (!typed) {
      if (change.anyValue === null) delete node[key];
      else node[key] = change.anyValue;
    } else if (change.remove && !Array.isArray(node)) delete node[key];
    else if (typeof child === 'string') node[key] = change.text;
    else if (typeof child === 'number') node[key] = change.integer;
    else if (typeof child === 'boolean') node[key] = !child;
    else if (Array.isArray(child)) node[key] = change.remove ? [] : [...child, ...child];
    break;
  }
  return root;
}

const jsonLeaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', 'Pod', 'PodGroup', 'basic', 'gang', -1, 0, 2 ** 31, 1e300, 'a/b', 'UPPER', '-x-', '💥', null, [], {}),
);

const change: fc.Arbitrary<Change> = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  anyValue: fc.option(jsonLeaf, { nil: null }),
  text: fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('', 'Pod', 'PodGroup', 'Indexed', 'training', 'workers', 'a/b', 'x'.repeat(254), 'UPPER', '-x-', 'ml'),
  ),
  integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 5, 2 ** 31, -(2 ** 31) - 1, 1000000001)),
  remove: fc.boolean(),
});

/** `base` with 0..4 changes; `typed` changes keep every value's JSON type (what the API server can send). */
function changed(base: KubeObject, typed: boolean): fc.Arbitrary<Json> {
  return fc.array(change, { maxLength: 4 }).map((changes) => changes.reduce<Json>((obj, c) => changeAt(obj, c, typed), base));
}

/** An object and maybe its older version, both changed from the same valid object. */
function changedPair(typed: boolean): fc.Arbitrary<[Json, Json | undefined]> {
  return fc
    .constantFrom(...VALID_OBJECTS)
    .chain((base) => fc.tuple(changed(base, typed), fc.option(changed(base, typed), { nil: undefined })));
}

/** Something shaped like one of our kinds with random contents. */
const randomObject: fc.Arbitrary<Json> = fc.record({
  apiVersion: fc.constantFrom('v1', 'batch/v1', 'scheduling.k8s.io/v1alpha2', 'scheduling.k8s.io/v1', 'apps/v1', 'x/y'),
  kind: fc.constantFrom('Pod', 'Job', 'Workload', 'PodGroup', 'PriorityClass', 'Deployment', 'Thing'),
  metadata: fc.option(
    fc.record({ name: fc.option(fc.string({ maxLength: 20 })), namespace: fc.option(fc.constantFrom('ml', 'default', '')) }),
    { nil: undefined },
  ),
  spec: fc.option(fc.jsonValue({ maxDepth: 4 }), { nil: undefined }),
  status: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
});

export interface FuzzCase {
  /** The body to send (JSON text; may be truncated or not JSON at all). */
  body: string;
  /** The uid a 200 reply must echo; undefined when no reply may be a 200. */
  uid: string | undefined;
  /** A well-formed review: the reply must be a 200 AdmissionReview, not a 400. */
  wellFormed: boolean;
  /**
   * Every value has its schema type, as the API server guarantees: no rule may throw. Type-broken
   * objects only have to get a well-formed answer.
   */
  typed: boolean;
}

function reviewCase(
  object: Json,
  oldObject: Json | undefined,
  operation: string,
  subResource: string,
  uid: string,
  typed: boolean,
): FuzzCase {
  const review = reviewFor(object as KubeObject, { uid, subResource, ...(oldObject ? { oldObject: oldObject } : {}) }) as {
    request: Record<string, unknown>;
  };
  review.request.operation = operation;
  if (operation === 'DELETE') review.request.oldObject = object;
  // The API server always sends name and namespace as strings, whatever the object holds.
  for (const key of ['name', 'namespace']) if (typeof review.request[key] !== 'string') delete review.request[key];
  return { body: JSON.stringify(review), uid, wellFormed: true, typed };
}

const typedReview: fc.Arbitrary<FuzzCase> = fc
  .tuple(changedPair(true), fc.constantFrom(...OPERATIONS), fc.constantFrom(...SUBRESOURCES), fc.uuid())
  .map(([[object, oldObject], operation, subResource, uid]) => reviewCase(object, oldObject, operation, subResource, uid, true));

const untypedReview: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.oneof(changedPair(false), fc.tuple(randomObject, fc.option(randomObject, { nil: undefined }))),
    fc.constantFrom(...OPERATIONS),
    fc.constantFrom(...SUBRESOURCES),
    fc.uuid(),
  )
  .map(([[object, oldObject], operation, subResource, uid]) => reviewCase(object, oldObject, operation, subResource, uid, false));

const wellFormedReview = fc.oneof(typedReview, untypedReview);

/** Reviews with a broken envelope: missing or wrong request fields. */
const brokenEnvelope: fc.Arbitrary<FuzzCase> = fc
  .tuple(wellFormedReview, fc.constantFrom('apiVersion', 'kind', 'request', 'uid', 'operation', 'object', 'kind.kind'), jsonLeaf)
  .map(([good, field, value]) => {
    const review = JSON.parse(good.body) as Record<string, Record<string, unknown>>;
    const request = review.request as Record<string, unknown>;
    if (field === 'uid' || field === 'operation' || field === 'object') request[field] = value;
    else if (field === 'kind.kind') request.kind = value;
    else (review as Record<string, unknown>)[field] = value;
    const uidStillValid = typeof request.uid === 'string' && request.uid !== '';
    return { body: JSON.stringify(review), uid: uidStillValid ? (request.uid as string) : undefined, wellFormed: false, typed: false };
  });

const truncated: fc.Arbitrary<FuzzCase> = fc
  .tuple(wellFormedReview, fc.double({ min: 0, max: 0.999, noNaN: true }))
  .map(([good, fraction]) => ({
    body: good.body.slice(0, Math.floor(good.body.length * fraction)),
    uid: undefined,
    wellFormed: false,
    typed: false,
  }));

const garbage: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.string({ maxLength: 200 }),
  )
  .map((body) => ({ body, uid: undefined, wellFormed: false, typed: false }));

/** The mix the fuzz test sends: mostly reviews the rules must survive, plus broken ones. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: typedReview },
  { weight: 2, arbitrary: untypedReview },
  { weight: 1, arbitrary: brokenEnvelope },
  { weight: 1, arbitrary: truncated },
  { weight: 1, arbitrary: garbage },
);

/** Is the body JSON at all (truncated and garbage bodies usually are not)? */
export function parsesAsJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * What every reply must satisfy; returns the first problem or undefined. A 200 must be a v1
 * AdmissionReview echoing the uid, internally consistent, and for a typed object must not report
 * an internal error (a rule that threw). Anything else must be a 4xx Status.
 */
export function replyProblem(c: FuzzCase, status: number, body: unknown): string | undefined {
  if (status >= 500) return `HTTP ${status}`;
  if (status !== 200) {
    const failure = body as { kind?: string; code?: number; message?: string };
    if (failure?.kind !== 'Status' || failure.code !== status || !failure.message) return `malformed ${status} body`;
    return c.wellFormed ? `${status} for a well-formed review: ${failure.message}` : undefined;
  }
  const review = body as AdmissionReview;
  if (review?.apiVersion !== 'admission.k8s.io/v1' || review.kind !== 'AdmissionReview') return 'not an AdmissionReview';
  const { response } = review;
  if (c.uid === undefined) return `200 for a body that is not a well-formed review`;
  if (response?.uid !== c.uid) return `uid ${response?.uid} instead of ${c.uid}`;
  if (typeof response.allowed !== 'boolean') return 'allowed is not a boolean';
  if (!response.allowed && !(response.status && response.status.code >= 400 && response.status.code < 600 && response.status.message))
    return 'denied without a status';
  if (response.allowed && response.status) return 'allowed with a status';
  if (response.warnings?.some((w) => typeof w !== 'string')) return `warnings ${JSON.stringify(response.warnings)}`;
  if (c.typed && response.warnings?.some((w) => w.startsWith('internal error')))
    return `a rule threw: ${JSON.stringify(response.warnings)}`;
  if (response.patch && !Array.isArray(JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8'))))
    return 'patch is not a JSON array';
  return undefined;
}

/** The same check on a handler reply (the in-process path that skips HTTP). */
export function handlerReplyProblem(c: FuzzCase, reply: HandlerReply): string | undefined {
  return replyProblem(c, reply.status, JSON.parse(JSON.stringify(reply.body)));
}
