// `kubectl workload simulate`: dry-run the v1.36 scheduler (pod and PodGroup cycles) over the live
// cluster or a snapshot, the same either way; `-f MANIFEST` adds new objects first and answers
// whether they fit now. Reads only; --write-snapshot writes the what-if result to a file.

import { writeFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import type { KubeObject } from '@kubectl-workload/api';
import { stateObjects, withClusterSourceOptions, type SourceOptions } from '@kubectl-workload/cluster';
import { InvalidObjectError, NodeError, RequestsError } from '@kubectl-workload/simulator';
import { EXIT_FINDINGS, UserError } from '../exit.js';
import { runSimulateCommand, SimulateInputError, type ReportSelection, type SimulateRun } from '../simulate/report.js';
import { renderText } from '../simulate/text.js';
import { applySimulation, asList } from '../simulate/write-snapshot.js';
import { loadClusterView } from '../status/cluster-view.js';
import { readWhatIfManifests, withWhatIf } from '../whatif/read.js';
import { reportSelection } from '../whatif/selection.js';
import { synthesizeWhatIf } from '../whatif/synthesize.js';
import { renderVerdicts, whatIfVerdict } from '../whatif/verdict.js';

const FORMATS = ['text', 'json'] as const;

interface SimulateArgs extends SourceOptions {
  filename: string[] | undefined;
  'show-all': boolean;
  'pod-group': string | undefined;
  output: (typeof FORMATS)[number];
  'write-snapshot': string | undefined;
  preemption: boolean;
}

function builder(yargs: Argv): Argv<SimulateArgs> {
  return withClusterSourceOptions(yargs)
    // Not `array: true`: yargs would then take `-f -` (stdin) for a positional `-`. Repeats still collect.
    .option('filename', { alias: 'f', type: 'string', coerce: (value: string | string[]) => ([] as string[]).concat(value), describe: 'what-if: add these new objects (files, directories or -; Jobs, Deployments and StatefulSets get the pods their controller would make) and report whether they fit now' })
    .option('show-all', { type: 'boolean', default: false, describe: "with -f, also report the cluster's own pending pods and groups" })
    .option('pod-group', { type: 'string', describe: 'run one PodGroup cycle for NAMESPACE/NAME instead of running to quiescence' })
    .option('output', { alias: 'o', choices: FORMATS, default: 'text' as const, describe: 'output format (json: see README "simulate")' })
    .option('write-snapshot', { type: 'string', describe: 'write the input with the simulated bindings and PodGroup conditions applied to this file' })
    .option('preemption', { type: 'boolean', default: true, describe: 'simulate DefaultPreemption and workload-aware preemption (victims, nominations); --no-preemption shows the plain fit' })
    .example('$0 simulate', 'schedule every pending pod and gang of the cluster until nothing more fits')
    .example('$0 simulate -f train-job.yaml', 'would this Job (its PodGroup and pods) fit now? exit 1 if not')
    .example('$0 simulate --snapshot cluster.yaml', 'the same, on a snapshot')
    .example('$0 simulate --snapshot cluster.yaml --pod-group team-a/trainer -o json', 'one PodGroup cycle, as JSON') as unknown as Argv<SimulateArgs>;
}

function simulate(objects: KubeObject[], args: SimulateArgs, source: string, now: string, include: ReportSelection | undefined): SimulateRun {
  try {
    return runSimulateCommand(objects, { now, preemption: args.preemption, ...(args['pod-group'] !== undefined ? { podGroup: args['pod-group'] } : {}), ...(include ? { include } : {}) });
  } catch (err) {
    if (err instanceof SimulateInputError) throw new UserError(err.message);
    if (err instanceof RequestsError || err instanceof NodeError || err instanceof InvalidObjectError) throw new UserError(`${source}: ${err.message}`);
    throw err;
  }
}

async function handler(args: SimulateArgs): Promise<void> {
  const manifests = args.filename?.length ? await readWhatIfManifests(args.filename) : undefined;
  // The whole cluster: nodes carry pods of every namespace. `-n` only narrows what is reported.
  const view = await loadClusterView({ ...args, allNamespaces: true });
  const now = new Date().toISOString();
  const whatIf = manifests && synthesizeWhatIf(manifests, view.namespace, now);
  const objects = whatIf ? withWhatIf(view.state, whatIf) : stateObjects(view.state);
  const narrowed = args.namespace !== undefined && !args.allNamespaces ? args.namespace : undefined;
  const include = reportSelection({ namespace: narrowed, whatIf: args['show-all'] ? undefined : whatIf });
  const source = 'client' in view.source ? `the cluster at ${view.source.client.server}` : view.source.snapshot;
  const run = simulate(objects, args, source, now, include);
  const verdicts = whatIf?.units.map((unit) => whatIfVerdict(unit, run.result));
  if (args['write-snapshot'] !== undefined) {
    const out = args['write-snapshot'];
    const list = asList(applySimulation(objects, run.result, run.simulation));
    const text = out.endsWith('.json') ? `${JSON.stringify(list, null, 2)}\n` : stringify(list);
    try {
      await writeFile(out, text);
    } catch (err) {
      throw new UserError(`cannot write --write-snapshot "${out}": ${(err as Error).message}`);
    }
  }
  // The verdicts come right after the header fields: the answer first.
  const { kind, schedulerVersion, mode, ...rest } = run.report;
  const report = verdicts ? { kind, schedulerVersion, mode, whatIf: verdicts, ...rest } : run.report;
  process.stdout.write(args.output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${verdicts ? renderVerdicts(verdicts) : ''}${renderText(run.report)}`);
  if (verdicts?.some((v) => v.fits === false)) process.exitCode = EXIT_FINDINGS;
}

export const simulateCommand: CommandModule<object, SimulateArgs> = {
  command: 'simulate',
  describe: 'Dry-run the v1.36 scheduler (pod and PodGroup cycles, topology-aware placements) over the cluster or a snapshot; -f: would these new objects fit now?',
  builder,
  handler,
};
