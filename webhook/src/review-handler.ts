// Answers one AdmissionReview body for /validate or /mutate. Transport-free: the express app and
// the fuzz test call it the same way. It never throws: anything wrong with the body is a 400.

import { performance } from 'node:perf_hooks';
import { knownKind, kubeVersionOfObject, nameOf, namespaceOf } from '@kubectl-workload/api';
import type { GatesByVersion, KnownKind, KubeObject, KubeVersion, ObjectLookup } from '@kubectl-workload/api';
import { evaluate } from '@kubectl-workload/rules';
import type { Operation, SeverityOverride, SubResource, Verdict } from '@kubectl-workload/rules';
import type { Logger } from 'pino';
import type { Endpoint, WebhookMetrics, Outcome } from './metrics.js';
import { ReviewLookup } from './review-lookup.js';
import { mutationFor } from './mutation.js';
import { BadReviewError, parseAdmissionRequest, reviewOf } from './review.js';
import type { AdmissionRequest, AdmissionResponse, AdmissionReview } from './review.js';
import { responseFor } from './verdict-response.js';
import type { OnLookupError, Subject } from './verdict-response.js';

export interface ReviewHandlerOptions {
  lookup: ObjectLookup;
  /** The gates of each Kubernetes version; a request uses those of the version it is checked against. */
  gates: GatesByVersion;
  /**
   * The cluster's version (`--kube-version`, else discovery's, which can change with an in-place
   * upgrade), read per request. Unset or undefined, each object's API version says it (MIG-01).
   */
  kubeVersion?: () => KubeVersion | undefined;
  overrides?: Readonly<Record<string, SeverityOverride>>;
  onLookupError: OnLookupError;
  logger: Logger;
  metrics: WebhookMetrics;
}

/** A meta/v1 Status body for requests that are not an AdmissionReview at all. */
export interface FailureBody {
  apiVersion: 'v1';
  kind: 'Status';
  status: 'Failure';
  message: string;
  /** BadRequest, RequestEntityTooLarge, UnsupportedMediaType, NotFound, InternalError. */
  reason: string;
  code: number;
}

export type HandlerReply = { status: 200; body: AdmissionReview } | { status: 400; body: FailureBody };

export function failureBody(code: number, reason: string, message: string): FailureBody {
  return { apiVersion: 'v1', kind: 'Status', status: 'Failure', message, reason, code };
}

const OPERATIONS: readonly string[] = ['CREATE', 'UPDATE', 'DELETE'];
const SUBRESOURCES: readonly string[] = ['', 'status'];

/** A request the rules can look at: a known kind, operation and subresource, with its object. */
interface Evaluable {
  request: AdmissionRequest;
  operation: Operation;
  subResource: SubResource;
  object: KubeObject;
  kind: KnownKind;
}

/** On DELETE the object being deleted is in oldObject. */
function evaluable(request: AdmissionRequest): Evaluable | string {
  if (!OPERATIONS.includes(request.operation)) return `operation ${request.operation} is not checked`;
  const subResource = request.subResource ?? '';
  if (!SUBRESOURCES.includes(subResource)) return `subresource ${subResource} is not checked`;
  const operation = request.operation as Operation;
  const object = operation === 'DELETE' ? request.oldObject : request.object;
  if (!object) return `no ${operation === 'DELETE' ? 'oldObject' : 'object'} in the request`;
  const { apiVersion, kind: kindName } = object as { apiVersion?: unknown; kind?: unknown };
  const kind = typeof apiVersion === 'string' && typeof kindName === 'string' ? knownKind(object) : undefined;
  if (!kind) return `kind ${String(apiVersion)}/${String(kindName)} is not checked`;
  return { request, operation, subResource: subResource as SubResource, object, kind };
}

function outcomeOf(response: AdmissionResponse): Outcome {
  if (!response.allowed) return 'denied';
  if (response.patch) return 'patched';
  return response.warnings?.length ? 'warned' : 'allowed';
}

export class ReviewHandler {
  constructor(private readonly options: ReviewHandlerOptions) {}

  async handle(endpoint: Endpoint, body: unknown): Promise<HandlerReply> {
    const started = performance.now();
    let request: AdmissionRequest;
    try {
      request = parseAdmissionRequest(body);
    } catch (err) {
      if (!(err instanceof BadReviewError)) throw err;
      this.options.metrics.observe(endpoint, undefined, undefined, 'rejected', (performance.now() - started) / 1000);
      return { status: 400, body: failureBody(400, 'BadRequest', `not an admission.k8s.io/v1 AdmissionReview: ${err.message}`) };
    }
    const response = await this.respond(endpoint, request);
    const kind = request.kind?.kind ?? request.object?.kind ?? request.oldObject?.kind;
    this.options.metrics.observe(endpoint, kind, request.operation, outcomeOf(response), (performance.now() - started) / 1000);
    return { status: 200, body: reviewOf(response) };
  }

  private async respond(endpoint: Endpoint, request: AdmissionRequest): Promise<AdmissionResponse> {
    try {
      const target = evaluable(request);
      if (typeof target === 'string') {
        this.options.logger.info({ uid: request.uid, endpoint, kind: request.kind }, `allowed without checks: ${target}`);
        return { uid: request.uid, allowed: true };
      }
      return endpoint === 'validate' ? await this.validate(target) : await this.mutate(target);
    } catch (err) {
      // A rule that throws on an odd object is our bug; the request must not fail because of it.
      const message = err instanceof Error ? err.message : String(err);
      this.options.logger.error({ uid: request.uid, endpoint, err }, 'internal error while checking a request');
      return { uid: request.uid, allowed: true, warnings: [`internal error, not checked: ${message}`.slice(0, 256)] };
    }
  }

  private subject(target: Evaluable): Subject {
    return { kind: target.kind, apiVersion: target.object.apiVersion, name: target.request.name || nameOf(target.object) };
  }

  private async validate(target: Evaluable): Promise<AdmissionResponse> {
    const { request, operation, subResource, object } = target;
    const version = this.options.kubeVersion?.() ?? kubeVersionOfObject(object) ?? '1.36';
    const verdict = await evaluate(
      {
        operation,
        subResource,
        object,
        ...(request.oldObject ? { oldObject: request.oldObject } : {}),
        gates: this.options.gates[version],
        kubeVersion: version,
      },
      new ReviewLookup(this.options.lookup),
      this.options.overrides ? { overrides: this.options.overrides } : {},
    );
    this.count(verdict);
    const response = responseFor(request.uid, this.subject(target), verdict, this.options.onLookupError);
    if (!response.allowed) this.logDenial(target, verdict);
    return response;
  }

  private async mutate(target: Evaluable): Promise<AdmissionResponse> {
    const { request, operation, subResource, object } = target;
    if (target.kind !== 'PodGroup' || operation !== 'CREATE' || subResource !== '') return { uid: request.uid, allowed: true };
    const mutation = await mutationFor(object, request.namespace || namespaceOf(object), this.options.lookup);
    if (mutation.lookupError) {
      this.options.metrics.decision('mutation', 'lookup_failed');
      return {
        uid: request.uid,
        allowed: true,
        warnings: [`PodGroup not filled from its template, lookup failed: ${mutation.lookupError}`],
      };
    }
    if (!mutation.patch.length) return { uid: request.uid, allowed: true };
    const patch = Buffer.from(JSON.stringify(mutation.patch)).toString('base64');
    return { uid: request.uid, allowed: true, patch, patchType: 'JSONPatch' };
  }

  private count(verdict: Verdict): void {
    const { metrics } = this.options;
    for (const f of verdict.errors) metrics.decision(f.rule, 'deny');
    for (const f of verdict.warnings) metrics.decision(f.rule, 'warn');
    for (const f of verdict.lookupFailures) metrics.decision(f.rule, 'lookup_failed');
  }

  private logDenial(target: Evaluable, verdict: Verdict): void {
    const { request, kind, object } = target;
    const unchecked = this.options.onLookupError === 'deny' ? verdict.lookupFailures : [];
    const rules = [...new Set([...verdict.errors.map((f) => f.rule), ...unchecked.map((f) => f.rule)])];
    this.options.logger.info(
      { uid: request.uid, kind, namespace: request.namespace || namespaceOf(object), name: request.name || nameOf(object), rules },
      'denied',
    );
  }
}
