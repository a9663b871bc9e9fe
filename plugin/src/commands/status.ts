// `kubectl workload status` (alias `get`): one line per PodGroup with its template, policy, pods
// scheduled of total and the PodGroupScheduled condition: the table kubectl has no columns for.

import type { Argv, CommandModule } from 'yargs';
import { withClusterSourceOptions, type SourceOptions } from '@kubectl-workload/cluster';
import { nameOf } from '@kubectl-workload/api';
import { UserError } from '../exit.js';
import { loadClusterView } from '../status/cluster-view.js';
import { renderStatus, type StatusFormat } from '../status/render.js';
import { statusRows } from '../status/rows.js';
import { parseLabelSelector } from '@kubectl-workload/api';

const FORMATS = ['wide', 'json', 'yaml'] as const;

interface StatusArgs extends SourceOptions {
  names: string[];
  output: (typeof FORMATS)[number] | undefined;
  selector: string | undefined;
  headers: boolean;
}

function builder(yargs: Argv): Argv<StatusArgs> {
  return withClusterSourceOptions(yargs)
    .positional('names', { type: 'string', array: true, default: [], describe: 'PodGroup names (default: all)' })
    .option('output', { alias: 'o', choices: FORMATS, describe: 'output format (default: table)' })
    .option('selector', { alias: 'l', type: 'string', describe: 'label selector on PodGroups, e.g. app=train,tier!=cpu' })
    // yargs reads `--no-headers` as the negation of `--headers`, as kubectl users type it.
    .option('headers', { type: 'boolean', default: true, describe: 'print the header line (--no-headers: omit it)' })
    .example('$0 status -A', 'every PodGroup in the cluster')
    .example('$0 get -l app=llm -o wide --snapshot cluster.yaml', 'from a snapshot, with topology, priority and message columns') as unknown as Argv<StatusArgs>;
}

async function handler(args: StatusArgs): Promise<void> {
  const matches = parseLabelSelector(args.selector);
  const view = await loadClusterView(args);
  const wanted = new Set(args.names);
  const groups = view.state.podGroups.filter((g) => matches(g.metadata?.labels) && (wanted.size === 0 || wanted.has(nameOf(g))));
  const missing = args.names.filter((n) => !groups.some((g) => nameOf(g) === n));
  if (missing.length > 0) {
    const where = view.allNamespaces ? '' : ` in namespace "${view.namespace}"`;
    throw new UserError(missing.map((n) => `podgroups.scheduling.k8s.io "${n}" not found${where}`).join('\n'));
  }
  const rows = statusRows(groups, view.state.pods);
  const format: StatusFormat = args.output ?? 'table';
  if (rows.length === 0 && (format === 'table' || format === 'wide')) {
    process.stderr.write(view.allNamespaces ? 'No resources found\n' : `No resources found in ${view.namespace} namespace.\n`);
    return;
  }
  process.stdout.write(renderStatus(rows, { format, allNamespaces: view.allNamespaces, noHeaders: !args.headers, now: Date.now() }));
}

export const statusCommand: CommandModule<object, StatusArgs> = {
  command: 'status [names..]',
  aliases: ['get'],
  describe: 'PodGroups with template, policy, minCount, pods scheduled/total and the PodGroupScheduled condition',
  builder,
  handler,
};
