// `lint -o json`: the stable machine format documented in docs/json-output.md (findings, errors, summary).

import { findingField, findingReason, renderFinding } from '@kubectl-workload/rules';
import type { LintFinding, LintReport } from '../report.js';
import { renderDocument } from '../../output/document.js';

/** One finding as documented: the field, the reason and the text the API server would print. */
export function jsonFinding(f: LintFinding) {
  return {
    object: f.object,
    rule: f.rule,
    severity: f.severity,
    field: findingField(f),
    reason: findingReason(f),
    message: renderFinding(f),
    file: f.file,
    line: f.line,
    column: f.column,
  };
}

export function formatLintJson(report: LintReport): string {
  const { diagnostics, summary } = report;
  return renderDocument({ findings: report.findings.map(jsonFinding), errors: diagnostics, summary }, 'json');
}
