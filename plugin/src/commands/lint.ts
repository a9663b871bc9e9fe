// `kubectl workload lint [PATH…|-]`: check manifests offline against the Kubernetes 1.36 or 1.37
// Workload/PodGroup rules (the webhook's rules engine), with file:line:col for every finding.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';
import { withClusterSourceOptions } from '@kubectl-workload/cluster/options';
import { ALL_FEATURE_GATES, FeatureGateError, KUBE_VERSIONS, parseFeatureGatesByVersion } from '@kubectl-workload/api/gates';
import type { KubeVersion } from '@kubectl-workload/api/gates';
import type { Severity } from '@kubectl-workload/rules';
import { UserError } from '../exit.js';
import { colorEnabled, paletteFor } from '../output/color.js';
import { LINT_FORMATS } from '../lint/format/names.js';
import type { LintFormat } from '../lint/format/names.js';

const SEVERITIES = ['error', 'warning', 'info'] as const;

function builder(yargs: Argv) {
  return (
    withClusterSourceOptions(yargs)
      .positional('paths', {
        type: 'string',
        array: true,
        default: [],
        describe: 'files, directories (*.yaml, *.yml, *.json, recursive) or - for standard input',
      })
      .option('against', {
        type: 'string',
        describe: 'lint as an UPDATE of the objects in this path or git revision (same kind/namespace/name)',
      })
      .option('feature-gates', {
        type: 'string',
        default: '',
        describe: `A=true,B=false over all gates of the version on (${ALL_FEATURE_GATES.join(', ')})`,
      })
      .option('kube-version', {
        type: 'string',
        choices: KUBE_VERSIONS,
        describe:
          "check every object against this Kubernetes version (default: each object's apiVersion: v1alpha2 1.36, v1beta1/v1alpha3 1.37)",
      })
      // The assertions type the parsed flags (yargs infers string from a bare default).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      .option('fail-on', { choices: SEVERITIES, default: 'error' as Severity, describe: 'lowest severity that makes the exit code 1' })
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      .option('output', { alias: 'o', choices: LINT_FORMATS, default: 'text' as LintFormat, describe: 'output format' })
      .option('config', {
        type: 'string',
        describe:
          'rules file, as the webhook reads (rules: {X-15: off, X-14: warn}); default: .kubectl-workload.yaml at the repository root',
      })
      .example('$0 lint examples/', 'lint every manifest under examples/')
      .example('$0 lint deploy/ --snapshot cluster.yaml', 'cross-object rules also find the objects of a cluster snapshot')
      .example('helm template . | $0 lint -', 'lint rendered manifests from standard input')
      .example('$0 lint deploy/ --against origin/main -o github', 'lint changes to deploy/ as updates, as GitHub annotations')
  );
}

export type LintArgs = ArgsOf<typeof builder>;

function paths(args: LintArgs): string[] {
  if (args.paths.length) return args.paths;
  if (process.stdin.isTTY) throw new UserError('no input: give files, directories, or - to read standard input');
  return ['-'];
}

function gates(spec: string, version: KubeVersion | undefined) {
  try {
    return parseFeatureGatesByVersion(spec, version);
  } catch (err) {
    if (err instanceof FeatureGateError) throw new UserError(`--feature-gates: ${err.message}`);
    throw err;
  }
}

async function handler(args: LintArgs): Promise<void> {
  const version = args['kube-version'];
  // Loaded on use: the parsers and the rules engine stay out of every other command's start-up.
  const [{ printLint }, { loadLintConfig }, { clusterObjects, namesCluster }] = await Promise.all([
    import('../lint/print.js'),
    import('../lint/config.js'),
    import('../lint/cluster.js'),
  ]);
  const config = await loadLintConfig(args.config);
  const run = {
    paths: paths(args),
    gates: gates(args['feature-gates'], version),
    ...(version ? { kubeVersion: version } : {}),
    failOn: args['fail-on'],
    ...(args.against ? { against: args.against } : {}),
    ...(config ? { config } : {}),
    ...(namesCluster(args) ? { cluster: await clusterObjects(args) } : {}),
  };
  const colors = paletteFor(args.output === 'text' && colorEnabled(process.stdout));
  process.exitCode = await printLint(run, args.output, colors);
}

export const lintCommand = defineCommand({
  command: 'lint [paths..]',
  describe: 'Check Workload, PodGroup, Pod and Job manifests offline (exit 1 on findings at --fail-on or above)',
  builder,
  handler,
});
