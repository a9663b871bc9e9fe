// `lint -o json`: the stable machine format documented in the README (findings, errors, summary).

import type { LintReport } from '../lint/report.js';

export function formatLintJson(report: LintReport): string {
  const { findings, diagnostics, summary } = report;
  return JSON.stringify({ findings, errors: diagnostics, summary }, null, 2) + '\n';
}
