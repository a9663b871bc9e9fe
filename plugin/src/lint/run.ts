// One `lint` run, from path arguments to a report and its exit code; the command only parses flags
// and prints.

import type { FeatureGates } from '@kubectl-workload/api';
import type { Severity } from '@kubectl-workload/rules';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { loadSources } from '../input/manifests.js';
import { readSources } from '../input/sources.js';
import { readPreviousSources } from './against.js';
import { indexByKey, lintObjects, objectRef } from './lint.js';
import { failsAt, summarize } from './report.js';
import type { LintReport } from './report.js';

export interface LintRun {
  paths: readonly string[];
  against?: string;
  gates: FeatureGates;
  failOn: Severity;
  stdin?: NodeJS.ReadableStream;
  /** Where git runs for `--against REF` (default: the working directory). */
  cwd?: string;
}

export function exitCodeOf(report: LintReport, failOn: Severity): number {
  if (report.diagnostics.length) return EXIT_ERROR;
  return failsAt(report.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

export async function runLint(run: LintRun): Promise<{ report: LintReport; exitCode: number }> {
  const sources = await readSources(run.paths, run.stdin);
  const current = loadSources(sources);
  const previous = run.against === undefined ? undefined : loadSources(await readPreviousSources(run.against, run.paths, run.cwd));
  const { findings, diagnostics } = await lintObjects(current.objects, {
    gates: run.gates,
    ...(previous ? { previous: indexByKey(previous.objects.map((m) => m.object)) } : {}),
  });
  const report: LintReport = {
    objects: current.objects.map((m) => ({ object: objectRef(m.object), file: m.file })),
    findings,
    diagnostics: [...current.diagnostics, ...(previous?.diagnostics ?? []), ...diagnostics],
    summary: summarize(sources.length, current.objects.length, findings),
  };
  return { report, exitCode: exitCodeOf(report, run.failOn) };
}
