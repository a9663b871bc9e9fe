// Turns a rules-engine Verdict into an AdmissionResponse worded the way the API server words its
// own rejections (api-rules §1), so kubectl prints a webhook denial like a built-in one:
//   field errors         → 422 Invalid,   `<Kind>.<group> "<name>" is invalid: <errors>` + causes
//   admission rejections → 403 Forbidden, `<resource>.<group> "<name>" is forbidden: <text>`

import { qualifiedKind, qualifiedResource, renderAggregate, renderErrorBody, resourceOf, splitApiVersion } from '@kubectl-workload/api';
import type { KnownKind } from '@kubectl-workload/api';
import { renderFinding } from '@kubectl-workload/rules';
import type { AdmissionFinding, FieldFinding, LookupFailure, Verdict } from '@kubectl-workload/rules';
import type { AdmissionResponse, Status } from './review.js';

export type OnLookupError = 'allow' | 'deny';

/** What the reply needs to know about the object besides the verdict. */
export interface Subject {
  kind: KnownKind;
  apiVersion: string | undefined;
  name: string;
}

/** The API server recommends ≤120 characters and may truncate past 256 (admission/v1 types.go). */
const MAX_WARNING_LENGTH = 256;

function invalidStatus(subject: Subject, findings: readonly FieldFinding[]): Status {
  const { group } = splitApiVersion(subject.apiVersion);
  return {
    metadata: {},
    status: 'Failure',
    message: `${qualifiedKind(subject.kind, subject.apiVersion)} "${subject.name}" is invalid: ${renderAggregate(findings.map((f) => f.error))}`,
    reason: 'Invalid',
    details: {
      name: subject.name,
      group,
      kind: subject.kind,
      causes: findings.map(({ error }) => ({ reason: error.type, message: renderErrorBody(error), field: error.field })),
    },
    code: 422,
  };
}

/** An admission chain stops at the first plugin that says no: one rejection, like the API server. */
function forbiddenStatus(subject: Subject, finding: AdmissionFinding): Status {
  const { group, resource } = resourceOf(subject.kind);
  return {
    metadata: {},
    status: 'Failure',
    message: `${qualifiedResource(subject.kind)} "${subject.name}" is forbidden: ${finding.rejection.message}`,
    reason: 'Forbidden',
    details: { name: subject.name, group, kind: resource },
    code: 403,
  };
}

function unavailableStatus(subject: Subject, failures: readonly LookupFailure[]): Status {
  const { group, resource } = resourceOf(subject.kind);
  const what = failures.map((f) => `${f.rule}: ${f.error}`).join('; ');
  return {
    metadata: {},
    status: 'Failure',
    message: `${qualifiedResource(subject.kind)} "${subject.name}" could not be checked (--on-lookup-error=deny): ${what}`,
    reason: 'ServiceUnavailable',
    details: { name: subject.name, group, kind: resource },
    code: 503,
  };
}

function warningText(rule: string, text: string): string {
  const full = `${rule}: ${text}`;
  return full.length <= MAX_WARNING_LENGTH ? full : `${full.slice(0, MAX_WARNING_LENGTH - 1)}…`;
}

function warningsOf(verdict: Verdict, onLookupError: OnLookupError): string[] {
  const warnings = verdict.warnings.map((f) => warningText(f.rule, renderFinding(f)));
  if (onLookupError === 'allow') {
    for (const f of verdict.lookupFailures) warnings.push(warningText(f.rule, `not checked, lookup failed: ${f.error}`));
  }
  return warnings;
}

/** Field errors win over admission rejections: the API server validates before admission runs. */
export function responseFor(uid: string, subject: Subject, verdict: Verdict, onLookupError: OnLookupError): AdmissionResponse {
  const warnings = warningsOf(verdict, onLookupError);
  const fieldErrors = verdict.errors.filter((f): f is FieldFinding => f.style === 'field');
  const rejection = verdict.errors.find((f): f is AdmissionFinding => f.style === 'admission');
  let status: Status | undefined;
  if (fieldErrors.length) status = invalidStatus(subject, fieldErrors);
  else if (rejection) status = forbiddenStatus(subject, rejection);
  else if (onLookupError === 'deny' && verdict.lookupFailures.length) status = unavailableStatus(subject, verdict.lookupFailures);
  return { uid, allowed: !status, ...(status ? { status } : {}), ...(warnings.length ? { warnings } : {}) };
}
