// Runs `lint` and prints the report: unreadable input on stderr, the report on stdout.

import { UserError } from '../exit.js';
import { formatDiagnostic } from '../input/manifests.js';
import { InputError } from '../input/sources.js';
import type { Palette } from '../output/color.js';
import type { LintFormat } from './format/names.js';
import { renderLintReport } from './format/render.js';
import { runLint } from './run.js';
import type { LintResult, LintRun } from './run.js';

/** Returns the exit code. */
export async function printLint(run: LintRun, format: LintFormat, colors: Palette): Promise<number> {
  let result: LintResult;
  try {
    result = await runLint(run);
  } catch (err) {
    if (err instanceof InputError) throw new UserError(err.message);
    throw err;
  }
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const path of result.unreadable) process.stderr.write(`error: ${path}\n`);
  for (const d of result.report.diagnostics) process.stderr.write(`error: ${formatDiagnostic(d)}\n`);
  for (const piece of renderLintReport(format, result.report, { failOn: run.failOn, colors })) process.stdout.write(piece);
  return result.exitCode;
}
