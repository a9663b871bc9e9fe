// `kubectl workload diff [WORKLOAD]`: each Workload template against the PodGroups made from it
// (X-10..X-14, X-22), printed like `kubectl diff`; exit 0 no drift, 1 drift, 2 error.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';

const FORMATS = ['json', 'yaml'] as const;

function builder(yargs: Argv) {
  return withClusterSourceOptions(yargs)
    .positional('workload', { type: 'string', describe: 'only this Workload (default: all in the namespace)' })
    .option('output', { alias: 'o', choices: FORMATS, describe: 'output format (default: unified diff)' })
    .example('$0 diff', 'every Workload template against its PodGroups')
    .example('$0 diff llm-train -o json', 'one Workload, machine-readable');
}

export type DiffArgs = ArgsOf<typeof builder>;

export const diffCommand = defineCommand({
  command: 'diff [workload]',
  describe: 'Compare Workload templates with the PodGroups made from them, like kubectl diff (exit 0 none, 1 drift, 2 error)',
  builder,
  // Loaded on use, like every command's work: start-up parses only the flags (issue: --version ≤ 150 ms).
  handler: async (args) => (await import('./run/diff.js')).runDiff(args),
});
