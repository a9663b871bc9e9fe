// `kubectl workload snapshot [-A|-n NS] > FILE`: saves the objects the plugin reads (Nodes, Pods,
// PodGroups, Workloads, Jobs, PriorityClasses, PodDisruptionBudgets, and the recent Events about
// Pods, PodGroups and Jobs that explain shows) as one `v1 List`, so every other command can run on
// it with --snapshot FILE. Read-only: GET/LIST only, never Secrets.

import type { Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
// The cluster package loads @kubernetes/client-node only when connect() runs, so this import stays cheap.
import { connect, loadClusterState, stateToList, withClusterOptions, type ClusterOptions } from '@kubectl-workload/cluster';

const FORMATS = ['yaml', 'json'] as const;

interface SnapshotArgs extends ClusterOptions {
  output: (typeof FORMATS)[number];
}

function builder(yargs: Argv): Argv<SnapshotArgs> {
  return withClusterOptions(yargs)
    .option('output', { alias: 'o', choices: FORMATS, default: 'yaml' as const, describe: 'output format' })
    .example('$0 snapshot -A > cluster.yaml', 'capture every namespace')
    .example('$0 status --snapshot cluster.yaml', 'then work on the file instead of the cluster') as unknown as Argv<SnapshotArgs>;
}

async function handler(args: SnapshotArgs): Promise<void> {
  const client = await connect(args);
  const progress = process.stderr.isTTY
    ? (kind: string, count: number) => process.stderr.write(`${kind}: ${count}\n`)
    : undefined;
  const state = await loadClusterState({ client, events: true, ...(progress ? { onProgress: progress } : {}) });
  if (state.eventsError !== undefined) process.stderr.write(`warning: events not captured: ${state.eventsError}\n`);
  const list = stateToList(state);
  process.stdout.write(args.output === 'json' ? `${JSON.stringify(list, null, 2)}\n` : stringify(list));
}

export const snapshotCommand: CommandModule<object, SnapshotArgs> = {
  command: 'snapshot',
  describe: 'Save the cluster objects the plugin reads as one YAML List (use it later with --snapshot FILE)',
  builder,
  handler,
};
