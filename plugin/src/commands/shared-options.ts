// Flags that several commands declare alike, written once so their parsing and help stay the same.

import type { Argv } from 'yargs';
import { FEATURE_GATES } from '@kubectl-workload/api/gates';

/** `-f PATH`, repeatable; always a list (empty without the flag). */
export function withFilenames<T>(yargs: Argv<T>, describe: string) {
  // Not `array: true`: yargs would then take `-f -` (stdin) for a positional `-`. Repeats still collect.
  return yargs.option('filename', {
    alias: 'f',
    type: 'string',
    default: [] as string[],
    coerce: (value: string | string[]) => ([] as string[]).concat(value),
    describe,
  });
}

/** What a simulation models besides the objects: the kube-scheduler's gates and profiles (simulate/setup.ts). */
export function withSchedulerSetup<T>(yargs: Argv<T>) {
  return yargs
    .option('feature-gates', {
      type: 'string',
      describe: `kube-scheduler gates A=true,B=false (${FEATURE_GATES.join(', ')}); default: the API server's /metrics, the gates a snapshot recorded, else all on`,
    })
    .option('scheduler-config', {
      type: 'string',
      describe:
        'a kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration: profiles by schedulerName, plugins, weights, NodeResourcesFit scoringStrategy',
    });
}
