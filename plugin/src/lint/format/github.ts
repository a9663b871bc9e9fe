// `lint -o github`: one workflow annotation per finding and per unreadable input.

import { renderFinding } from '@kubectl-workload/rules';
import type { Severity } from '@kubectl-workload/rules';
import type { LintReport } from '../report.js';
import { annotation } from './annotation.js';
import type { AnnotationLevel } from './annotation.js';
import { objectLabel, summaryLine } from './text.js';
import { NO_COLORS } from '../../output/color.js';

const LEVELS: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatLintGithub(report: LintReport): string {
  const lines = [
    ...report.diagnostics.map((d) =>
      annotation('error', { file: d.file, line: d.line, col: d.column, title: 'unreadable manifest' }, d.message),
    ),
    ...report.findings.map((f) =>
      annotation(LEVELS[f.severity], { file: f.file, line: f.line, col: f.column, title: `${f.rule} ${objectLabel(f)}` }, renderFinding(f)),
    ),
    summaryLine(report, NO_COLORS),
  ];
  return lines.join('\n') + '\n';
}
