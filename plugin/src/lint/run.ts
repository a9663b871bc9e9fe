// One `lint` run, from path arguments to a report and its exit code; the command only parses flags
// and prints.

import type { GatesByVersion, KubeObject, KubeVersion } from '@kubectl-workload/api';
import type { Severity } from '@kubectl-workload/rules';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { loadSources } from '../input/manifests.js';
import { inputWarnings, readSources, type InputError } from '../input/sources.js';
import { readPreviousSources } from './against.js';
import type { LintConfig } from './config.js';
import { indexByKey, lintObjects, lintedObject } from './lint.js';
import { failsAt, summarize } from './report.js';
import type { LintReport } from './report.js';

export interface LintRun {
  paths: readonly string[];
  against?: string;
  gates: GatesByVersion;
  kubeVersion?: KubeVersion;
  failOn: Severity;
  stdin?: NodeJS.ReadableStream;
  /** Where git runs for `--against REF` (default: the working directory). */
  cwd?: string;
  /** Rule settings (--config, or .kubectl-workload.yaml found at the repository root). */
  config?: LintConfig;
  /** A cluster's objects (--snapshot, --kubeconfig) for the cross-object rules. */
  cluster?: readonly KubeObject[];
}

export function exitCodeOf(report: LintReport, failOn: Severity): number {
  if (report.diagnostics.length) return EXIT_ERROR;
  return failsAt(report.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

export interface LintResult {
  readonly report: LintReport;
  readonly exitCode: number;
  /** Paths that could not be read (the rest was linted): errors, exit 2. */
  readonly unreadable: readonly string[];
  readonly warnings: readonly string[];
}

export async function runLint(run: LintRun): Promise<LintResult> {
  const unreadable: string[] = [];
  const charts: string[] = [];
  const sources = await readSources(run.paths, run.stdin, { onUnreadable: (err: InputError) => unreadable.push(err.message), charts });
  const current = loadSources(sources);
  const older = run.against === undefined ? undefined : await readPreviousSources(run.against, run.paths, run.cwd);
  const previous = older && loadSources(older.sources);
  // Manifests beside a linted file are context, not linted: their load problems are not reported.
  const beside = older ? loadSources(older.beside).objects : [];
  const { findings, diagnostics } = await lintObjects(current.objects, {
    gates: run.gates,
    ...(run.kubeVersion ? { kubeVersion: run.kubeVersion } : {}),
    ...(previous ? { previous: indexByKey([...beside, ...previous.objects].map((m) => m.object)) } : {}),
    ...(run.config ? { overrides: run.config.overrides } : {}),
    ...(run.cluster ? { cluster: run.cluster } : {}),
  });
  const report: LintReport = {
    objects: current.objects.map((m) => ({ object: lintedObject(m.object), file: m.file })),
    findings,
    diagnostics: [...current.diagnostics, ...(previous?.diagnostics ?? []), ...diagnostics],
    summary: { ...summarize(sources.length, current.objects.length, findings), ...(run.config ? { config: run.config.file } : {}) },
  };
  return {
    report,
    exitCode: unreadable.length ? EXIT_ERROR : exitCodeOf(report, run.failOn),
    unreadable,
    warnings: inputWarnings(sources, charts),
  };
}
