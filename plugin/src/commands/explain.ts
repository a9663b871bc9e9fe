// `kubectl workload explain TARGET` (alias `why`): follows Job → Workload → PodGroup → Pods → Nodes
// and reports the first broken link and its fix; exit 0 when every link holds, 1 when one is broken.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withSchedulerSetup } from './shared-options.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';

const FORMATS = ['text', 'wide', 'json', 'yaml'] as const;

function builder(yargs: Argv) {
  return withSchedulerSetup(
    withClusterSourceOptions(yargs)
      .positional('target', {
        type: 'string',
        demandOption: true,
        describe:
          'podgroup/NAME, pod/NAME, job/NAME, workload/NAME, compositepodgroup/NAME, or NAME (a PodGroup, Pod, Job, Workload or CompositePodGroup, tried in that order)',
      })
      .option('output', {
        alias: 'o',
        choices: FORMATS,
        default: 'text' as const,
        describe: 'output format (wide: text listing every pod of a big gang)',
      })
      .option('show-all', {
        type: 'boolean',
        default: false,
        describe: 'text output lists every pod of a big gang instead of folding them (as -o wide does)',
      })
      .option('html', {
        type: 'string',
        requiresArg: true,
        describe: 'also write the placement picture to FILE: one self-contained HTML page drawn from the -o json document',
      })
      .option('html-group-by', {
        type: 'string',
        requiresArg: true,
        describe:
          'the node label the placement picture groups nodes by when the gang has no topology key (default: topology.kubernetes.io/zone)',
      })
      .option('preemption', {
        type: 'boolean',
        default: true,
        describe: 'also simulate preemption: whom the gang would evict, or why that cannot help (--no-preemption: plain fit only)',
      }),
  )
    .example('$0 explain podgroup/llm-train-workers', 'why a gang is pending')
    .example('$0 explain podgroup/llm-train-workers --html placement.html', 'the placement as a page to open in a browser')
    .example('$0 explain podgroup/llm-train-workers --show-all', 'every pod of a big gang, one row each')
    .example('$0 why job/etl-batch --snapshot cluster.yaml -o json', 'from a snapshot, machine-readable');
}

export type ExplainArgs = ArgsOf<typeof builder>;

export const explainCommand = defineCommand({
  command: 'explain <target>',
  aliases: ['why'],
  describe: 'Why a gang is not running: follow Job → Workload → PodGroup → Pods → Nodes to the first broken link (exit 1 if one is broken)',
  builder,
  // Loaded on use: the simulator stays out of every other command's start-up.
  handler: async (args) => (await import('./run/explain.js')).runExplain(args),
});
