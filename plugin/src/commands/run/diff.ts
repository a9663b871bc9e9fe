// The `diff` command's work, loaded only when the command runs (see ../diff.ts for its flags).

import { nameOf } from '@kubectl-workload/api';
import { didYouMean } from '@kubectl-workload/cluster';
import { writtenTemplateRef } from '@kubectl-workload/rules';
import { computeDrift, type DriftReport } from '../../diff/drift.js';
import { EXTERNAL_DIFF_ENV, ExternalDiffError, runExternalDiff } from '../../diff/external.js';
import { diffPairs, liveKey, renderUnifiedDiff, unusedTemplateNotes } from '../../diff/unified.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../../exit.js';
import { colorEnabled, paletteFor, type Palette } from '../../output/color.js';
import { renderDocument } from '../../output/document.js';
import { loadClusterView } from '../../status/cluster-view.js';
import type { DiffArgs } from '../diff.js';

/** The machine format, documented in docs/json-output.md. */
export function diffDocument(report: DriftReport): object {
  return { kind: 'WorkloadDiff', ...report };
}

function colorize(text: string, colors: Palette): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ')) return colors.bold(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      return line;
    })
    .join('\n');
}

/** kubectl's rule: the program exits 0 or 1 (no differences, differences); anything else is an error. */
async function externalDiff(command: string, pairs: Parameters<typeof runExternalDiff>[1]): Promise<void> {
  let code: number;
  try {
    code = await runExternalDiff(command, pairs, process.stdout);
  } catch (err) {
    if (err instanceof ExternalDiffError) throw new UserError(err.message);
    throw err;
  }
  if (code > 1) throw new UserError(`${EXTERNAL_DIFF_ENV} program "${command}" exited with ${code}`);
}

export async function runDiff(args: DiffArgs): Promise<void> {
  const view = await loadClusterView(args);
  const { workloads, podGroups, compositePodGroups } = view.state;
  // A deleted Workload still has a diff while groups name it.
  const names = [
    ...workloads.map((w) => nameOf(w)),
    ...podGroups.flatMap((g) => writtenTemplateRef(g)?.workloadName ?? []),
    ...compositePodGroups.flatMap((g) => g.spec?.workloadRef?.workloadName ?? []),
  ];
  if (args.workload !== undefined && !names.includes(args.workload)) {
    const where = view.allNamespaces ? '' : ` in namespace "${view.namespace}"`;
    throw new UserError(`workloads.scheduling.k8s.io "${args.workload}" not found${where}${didYouMean(args.workload, names)}`);
  }
  const report = computeDrift(workloads, podGroups, args.workload, compositePodGroups);
  if (args.output !== undefined) process.stdout.write(renderDocument(diffDocument(report), args.output));
  else {
    for (const note of unusedTemplateNotes(report)) process.stderr.write(`${note}\n`);
    const live = new Map([...podGroups, ...compositePodGroups].map((g) => [liveKey(g), g]));
    const external = process.env[EXTERNAL_DIFF_ENV];
    if (external && report.drift) await externalDiff(external, diffPairs(report, live));
    else process.stdout.write(colorize(renderUnifiedDiff(report, live), paletteFor(colorEnabled(process.stdout))));
  }
  process.exitCode = report.drift ? EXIT_FINDINGS : EXIT_OK;
}
