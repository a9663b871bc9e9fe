// Flags that several commands declare alike, written once so their parsing and help stay the same.

import type { Argv } from 'yargs';
import { FEATURE_GATES, FEATURE_GATES_1_37, KUBE_VERSIONS } from '@kubectl-workload/api/gates';

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
    .option('kube-version', {
      type: 'string',
      choices: KUBE_VERSIONS,
      describe:
        "the kube-scheduler version to model (1.37: composite gangs, root units, the 1.37 texts); default: the version the cluster serves scheduling.k8s.io in, else the snapshot objects' apiVersions (v1alpha2 1.36, v1beta1/v1alpha3 1.37), else 1.36",
    })
    .option('feature-gates', {
      type: 'string',
      describe: `kube-scheduler gates A=true,B=false (1.36: ${FEATURE_GATES.join(', ')}; 1.37: ${FEATURE_GATES_1_37.join(', ')}); default: the API server's /metrics, the gates a snapshot recorded, else all on`,
    })
    .option('scheduler-config', {
      type: 'string',
      describe:
        'a kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration: profiles by schedulerName, plugins, weights, NodeResourcesFit scoringStrategy',
    });
}
