// How each `-o` format of `lint` renders a report.

import { RULES_ONE_PER_ID } from '@kubectl-workload/rules';
import type { Severity } from '@kubectl-workload/rules';
import type { LintReport } from '../report.js';
import type { Palette } from '../../output/color.js';
import { formatLintGithub } from './github.js';
import { formatLintJson } from './json.js';
import { formatLintJunit } from './junit.js';
import { formatLintSarif } from './sarif.js';
import { formatLintText } from './text.js';
import type { LintFormat } from './names.js';

export interface RenderOptions {
  failOn: Severity;
  colors: Palette;
}

/** The report's text in pieces, to be written one after the other: a big JSON report is never one string. */
export function renderLintReport(format: LintFormat, report: LintReport, options: RenderOptions): Iterable<string> {
  switch (format) {
    case 'text':
      return [formatLintText(report, options.colors)];
    case 'json':
      return formatLintJson(report);
    case 'sarif':
      return [formatLintSarif(report, RULES_ONE_PER_ID)];
    case 'junit':
      return [formatLintJunit(report, options.failOn)];
    case 'github':
      return [formatLintGithub(report)];
  }
}
