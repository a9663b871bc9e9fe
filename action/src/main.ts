// The GitHub Action (action.yml): runs `kubectl workload lint` on the inputs and reports three ways:
// a SARIF log for code scanning, `::error`/`::warning` annotations on the changed lines, and a table
// in the job summary. The exit code is lint's (0 clean, 1 findings at fail-on or above, 2 bad input).
// It drives the plugin through its command line, the stable contract, from the bundle beside it.

import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join(__dirname, 'kubectl-workload.cjs');

interface Finding {
  object: { kind: string; namespace: string; name: string };
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  column: number;
}
interface JsonReport {
  findings: Finding[];
  summary: { files: number; objects: number; errors: number; warnings: number; infos: number };
}

/** An input as the runner passes it: INPUT_<NAME upper-cased, spaces as _> (hyphens kept). */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function lintArgs(): string[] {
  const paths = input('paths').split(/\s+/).filter(Boolean);
  const args = ['lint', ...(paths.length ? paths : ['.']), '--fail-on', input('fail-on') || 'error'];
  if (input('feature-gates')) args.push('--feature-gates', input('feature-gates'));
  if (input('against')) args.push('--against', input('against'));
  return args;
}

function lint(args: string[], format: string) {
  return spawnSync(process.execPath, [CLI, ...args, '-o', format], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** Markdown table cells: pipes and new lines would break the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function summaryTable(report: JsonReport): string {
  const { summary, findings } = report;
  const head = `### kubectl workload lint\n\n${summary.objects} objects in ${summary.files} files: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} info\n\n`;
  if (!findings.length) return `${head}No findings.\n`;
  const rows = findings.map((f) => {
    const object = `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}`;
    return `| ${f.severity} | ${f.rule} | ${cell(object)} | ${cell(`${f.file}:${f.line}:${f.column}`)} | ${cell(f.message)} |`;
  });
  return `${head}| Severity | Rule | Object | Location | Message |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

function setOutputs(values: Record<string, string | number>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
}

function main(): number {
  const args = lintArgs();
  const sarif = lint(args, 'sarif');
  process.stderr.write(sarif.stderr);
  if (sarif.status === 2 || sarif.status === null) {
    const reason = sarif.stderr.trim().split('\n')[0] ?? `lint exited ${sarif.status}`;
    process.stdout.write(
      `::error title=kubectl workload lint::${reason.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`,
    );
    return 2;
  }
  const sarifFile = input('sarif-file') || 'kubectl-workload.sarif';
  writeFileSync(sarifFile, sarif.stdout);
  process.stdout.write(lint(args, 'github').stdout);
  const report = JSON.parse(lint(args, 'json').stdout) as JsonReport;
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaryTable(report));
  setOutputs({ 'sarif-file': sarifFile, errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos });
  return sarif.status;
}

process.exitCode = main();
