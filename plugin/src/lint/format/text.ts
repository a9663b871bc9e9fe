// `lint -o text`: one compiler-style line per finding (editors jump to file:line:col), then a summary.

import { renderFinding } from '@kubectl-workload/rules';
import type { LintFinding, LintReport } from '../report.js';
import type { Palette } from '../../output/color.js';

export function objectLabel(f: Pick<LintFinding, 'object'>): string {
  const { kind, namespace, name } = f.object;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

function severityWord(finding: LintFinding, colors: Palette): string {
  if (finding.severity === 'error') return colors.red('error');
  if (finding.severity === 'warning') return colors.yellow('warning');
  return colors.cyan('info');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(report: LintReport, colors: Palette): string {
  const { files, objects, errors, warnings, infos } = report.summary;
  const checked = `${plural(objects, 'object')} in ${plural(files, 'file')}`;
  const config = report.summary.config === undefined ? '' : ` (rules from ${report.summary.config})`;
  if (!report.findings.length) return colors.green(`${checked}: no findings${config}`);
  return `${checked}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${config}`;
}

export function formatLintText(report: LintReport, colors: Palette): string {
  const lines = report.findings.map(
    (f) =>
      `${colors.bold(`${f.file}:${f.line}:${f.column}`)}: ${severityWord(f, colors)} ${colors.dim(f.rule)} ${objectLabel(f)}: ${renderFinding(f)}`,
  );
  lines.push(summaryLine(report, colors));
  return lines.join('\n') + '\n';
}
