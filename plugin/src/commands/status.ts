// `kubectl workload status` (alias `get`): one line per PodGroup (and, on 1.37, CompositePodGroup)
// with its template, policy, pods scheduled of total and the scheduling condition: the table
// kubectl has no columns for.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';

const FORMATS = ['wide', 'json', 'yaml'] as const;

function builder(yargs: Argv) {
  return (
    withClusterSourceOptions(yargs)
      .positional('names', { type: 'string', array: true, default: [], describe: 'PodGroup or CompositePodGroup names (default: all)' })
      .option('output', { alias: 'o', choices: FORMATS, describe: 'output format (default: table)' })
      .option('selector', {
        alias: 'l',
        type: 'string',
        describe: 'label selector on PodGroups and CompositePodGroups, e.g. app=train,tier!=cpu',
      })
      // yargs reads `--no-headers` as the negation of `--headers`, as kubectl users type it.
      .option('headers', { type: 'boolean', default: true, describe: 'print the header line (--no-headers: omit it)' })
      .example('$0 status -A', 'every PodGroup in the cluster')
      .example('$0 get -l app=llm -o wide --snapshot cluster.yaml', 'from a snapshot, with parent, topology, priority and message columns')
  );
}

export type StatusArgs = ArgsOf<typeof builder>;

export const statusCommand = defineCommand({
  command: 'status [names..]',
  aliases: ['get'],
  describe:
    'PodGroups (and 1.37 CompositePodGroups, as a tree) with template, policy, minCount, pods scheduled/total and the scheduling condition',
  builder,
  // Loaded on use: start-up parses only the flags.
  handler: async (args) => (await import('./run/status.js')).runStatus(args),
});
