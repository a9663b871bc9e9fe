// What one `lint` run found: the stable shape behind every output format (documented in docs/json-output.md).

import type { Finding, Severity } from '@kubectl-workload/rules';
import type { LoadDiagnostic } from '../input/manifests.js';

/** The object a finding is about; namespace is `default` when the manifest names none, '' for cluster-scoped kinds. */
export interface LintedObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/** An engine finding, still structured (each format renders it), placed in its manifest. */
export type LintFinding = Finding & {
  object: LintedObject;
  file: string;
  line: number;
  column: number;
};

export interface LintSummary {
  files: number;
  objects: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The rules file that set rule severities, when one did. */
  config?: string;
}

/** An object that was linted, with or without findings (JUnit lists each as a test case). */
export interface CheckedObject {
  object: LintedObject;
  file: string;
}

export interface LintReport {
  objects: CheckedObject[];
  findings: LintFinding[];
  /** Input that could not be read as Kubernetes objects (syntax errors, scalars, no kind), or not checked. */
  diagnostics: LoadDiagnostic[];
  summary: LintSummary;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Whether any finding is at or above the `--fail-on` severity. */
export function failsAt(findings: readonly LintFinding[], failOn: Severity): boolean {
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

export function summarize(files: number, objects: number, findings: readonly LintFinding[]): LintSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { files, objects, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
