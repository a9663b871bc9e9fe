// `kubectl workload simulate`: dry-run the v1.36 scheduler (pod and PodGroup cycles) over the live
// cluster or a snapshot, the same either way; `-f MANIFEST` adds new objects first and answers
// whether they fit now. Reads only; --write-snapshot writes the what-if result to a file.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withFilenames, withSchedulerSetup } from './shared-options.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';

const FORMATS = ['text', 'wide', 'json', 'yaml', 'html'] as const;

function builder(yargs: Argv) {
  return withSchedulerSetup(
    withFilenames(
      withClusterSourceOptions(yargs),
      'what-if: add these new objects (files, directories or -; Jobs, Deployments and StatefulSets get the pods their controller would make) and report whether they fit now',
    )
      .option('show-all', { type: 'boolean', default: false, describe: "with -f, also report the cluster's own pending pods and groups" })
      .option('pod-group', {
        type: 'string',
        describe: 'run one PodGroup cycle for NAME (in the namespace of -n) or NAMESPACE/NAME instead of running to quiescence',
      })
      .option('output', {
        alias: 'o',
        choices: FORMATS,
        default: 'text' as const,
        describe:
          'output format (wide: text listing every pod; json, yaml: see docs/json-output.md; html: the placement picture of every gang, a self-contained page)',
      })
      .option('html-group-by', {
        type: 'string',
        requiresArg: true,
        describe:
          "with -o html, the node label the picture groups nodes by (default: the first reported gang's topology key, else topology.kubernetes.io/zone)",
      })
      .option('write-snapshot', {
        type: 'string',
        describe: 'write the input with the simulated bindings and PodGroup conditions applied to this file',
      })
      .option('preemption', {
        type: 'boolean',
        default: true,
        describe: 'simulate DefaultPreemption and workload-aware preemption (victims, nominations); --no-preemption shows the plain fit',
      }),
  )
    .example('$0 simulate', 'schedule every pending pod and gang of the cluster until nothing more fits')
    .example('$0 simulate -f train-job.yaml', 'would this Job (its PodGroup and pods) fit now? exit 1 if not')
    .example('$0 simulate --snapshot cluster.yaml', 'the same, on a snapshot')
    .example('$0 simulate --snapshot cluster.yaml --pod-group team-a/trainer -o json', 'one PodGroup cycle, as JSON')
    .example('$0 simulate --snapshot cluster.yaml -o html > run.html', 'where every gang landed or why not, as a page');
}

export type SimulateArgs = ArgsOf<typeof builder>;

export const simulateCommand = defineCommand({
  command: 'simulate',
  describe:
    'Dry-run the v1.36 scheduler (pod and PodGroup cycles, topology-aware placements) over the cluster or a snapshot; -f: would these new objects fit now?',
  builder,
  // Loaded on use: the simulator stays out of every other command's start-up.
  handler: async (args) => (await import('./run/simulate.js')).runSimulate(args),
});
