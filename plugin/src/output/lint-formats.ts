// The `-o` formats of `lint` and how each renders a report.

import { ALL_RULES } from '@kubectl-workload/rules';
import type { Severity } from '@kubectl-workload/rules';
import type { LintReport } from '../lint/report.js';
import type { Palette } from './color.js';
import { formatLintGithub } from './lint-github.js';
import { formatLintJson } from './lint-json.js';
import { formatLintJunit } from './lint-junit.js';
import { formatLintSarif } from './lint-sarif.js';
import { formatLintText } from './lint-text.js';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface RenderOptions {
  failOn: Severity;
  colors: Palette;
}

export function renderLintReport(format: LintFormat, report: LintReport, options: RenderOptions): string {
  switch (format) {
    case 'text': return formatLintText(report, options.colors);
    case 'json': return formatLintJson(report);
    case 'sarif': return formatLintSarif(report, ALL_RULES);
    case 'junit': return formatLintJunit(report, options.failOn);
    case 'github': return formatLintGithub(report);
  }
}
