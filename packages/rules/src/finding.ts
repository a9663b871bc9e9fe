import type { BadValue, FieldErrorType } from '@kubectl-workload/api';
import type { FindingStyle, Severity } from './rule.js';

/** `FieldValueInvalid`, …, or `Forbidden` for admission-style rejections. */
export type CauseReason = FieldErrorType | 'Forbidden';

export interface Finding {
  rule: string;
  severity: Severity;
  style: FindingStyle;
  reason: CauseReason;
  /** Field path, e.g. `spec.podGroupTemplates[0].name`. */
  field: string;
  /** The full rendered text, exactly as the API server prints it. */
  message: string;
  /** The field-error body without the path (field findings only). */
  detail?: string;
  badValue?: BadValue;
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
