// `kubectl workload convert`: the 1.36 → 1.37 upgrade of Workloads and PodGroups
// (scheduling.k8s.io/v1alpha2 → v1beta1 or v1alpha3; api-rules-1.37.md §10).

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withFilenames } from './shared-options.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';

export const CONVERT_TARGETS = ['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha3'] as const;
const FORMATS = ['yaml', 'json'] as const;

function builder(yargs: Argv) {
  return withFilenames(
    withClusterSourceOptions(yargs),
    'files or directories (*.yaml, *.yml, *.json, recursive) to convert, or - for standard input',
  )
    .option('to', { choices: CONVERT_TARGETS, default: CONVERT_TARGETS[0], describe: 'the 1.37 API version to write' })
    .option('output', {
      alias: 'o',
      choices: FORMATS,
      default: 'yaml' as const,
      describe: 'output format (YAML keeps comments and key order)',
    })
    .option('from-cluster', {
      type: 'boolean',
      default: false,
      describe:
        'read the v1alpha2 objects of a 1.36 cluster (or --snapshot): list what to delete before the upgrade and write their 1.37 manifests to --output-dir',
    })
    .option('output-dir', { alias: 'd', type: 'string', describe: 'with --from-cluster: the directory for the 1.37 manifests' })
    .example('$0 convert -f deploy/ > deploy-1.37.yaml', 'rewrite v1alpha2 manifests for Kubernetes 1.37')
    .example('$0 convert --from-cluster -d upgrade/', 'what to delete before upgrading this cluster, and the manifests to recreate');
}

export type ConvertArgs = ArgsOf<typeof builder>;

export const convertCommand = defineCommand({
  command: 'convert',
  describe: 'Convert v1alpha2 Workloads and PodGroups for Kubernetes 1.37 (exit 1 when an object needs a decision)',
  builder,
  handler: async (args) => (await import('./run/convert.js')).runConvert(args),
});
