// What the engine reports: the rule's structured result, unrendered. Each surface (webhook Status,
// lint's printers, explain) renders it once, the way the API server would.

import { renderErrorBody, renderFieldError } from '@kubectl-workload/api';
import type { FieldError, FieldErrorType } from '@kubectl-workload/api';
import type { AdmissionRejection, Severity } from './rule.js';

/** `FieldValueInvalid`, …, or `Forbidden` for admission-style rejections. */
export type CauseReason = FieldErrorType | 'Forbidden';

interface FindingBase {
  rule: string;
  severity: Severity;
}

/** A field error (422 Invalid on the API server), kept as apimachinery's field.Error. */
export interface FieldFinding extends FindingBase {
  style: 'field';
  error: FieldError;
}

/** An admission plugin's rejection (403 Forbidden) with its own message. */
export interface AdmissionFinding extends FindingBase {
  style: 'admission';
  rejection: AdmissionRejection;
}

export type Finding = FieldFinding | AdmissionFinding;

/** The field path a finding is about, e.g. `spec.podGroupTemplates[0].name`. */
export function findingField(f: Finding): string {
  return f.style === 'field' ? f.error.field : f.rejection.field;
}

export function findingReason(f: Finding): CauseReason {
  return f.style === 'field' ? f.error.type : 'Forbidden';
}

/** The full text, exactly as the API server prints it (`<path>: <body>` for field errors). */
export function renderFinding(f: Finding): string {
  return f.style === 'field' ? renderFieldError(f.error) : f.rejection.message;
}

/** The text without the field path: a Status cause's message (`ErrorBody()` for field errors). */
export function renderFindingBody(f: Finding): string {
  return f.style === 'field' ? renderErrorBody(f.error) : f.rejection.message;
}

export interface LookupFailure {
  rule: string;
  error: string;
}

export interface Verdict {
  errors: Finding[];
  warnings: Finding[];
  infos: Finding[];
  /** Cross-object rules that could not run because a lookup failed. */
  lookupFailures: LookupFailure[];
}
