// `kubectl workload snapshot [-A|-n NS] > FILE`: saves the objects the plugin reads (Nodes, Pods,
// PodGroups, Workloads, Jobs, PriorityClasses, PodDisruptionBudgets, the storage objects the volume
// plugins read, and the recent Events about
// Pods, PodGroups and Jobs that explain shows) as one `v1 List`, so every other command can run on
// it with --snapshot FILE. Read-only: GET/LIST only, never Secrets.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { FEATURE_GATES } from '@kubectl-workload/api/gates';
import { withClusterOptions } from '@kubectl-workload/cluster/options';

const FORMATS = ['yaml', 'json'] as const;

function builder(yargs: Argv) {
  return withClusterOptions(yargs)
    .option('output', { alias: 'o', choices: FORMATS, default: 'yaml' as const, describe: 'output format' })
    .option('feature-gates', {
      type: 'string',
      describe: `record these kube-scheduler gates (${FEATURE_GATES.join(', ')}) over the API server's /metrics`,
    })
    .example('$0 snapshot -A > cluster.yaml', 'capture every namespace')
    .example('$0 status --snapshot cluster.yaml', 'then work on the file instead of the cluster');
}

export type SnapshotArgs = ArgsOf<typeof builder>;

export const snapshotCommand = defineCommand({
  command: 'snapshot',
  describe: 'Save the cluster objects the plugin reads as one YAML List (use it later with --snapshot FILE)',
  builder,
  // Loaded on use: start-up parses only the flags.
  handler: async (args) => (await import('./run/snapshot.js')).runSnapshot(args),
});
