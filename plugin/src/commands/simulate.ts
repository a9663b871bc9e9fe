// `kubectl workload simulate --snapshot FILE`: dry-run the v1.36 scheduler (pod and PodGroup cycles)
// over a snapshot, offline. Reads only; --write-snapshot writes the what-if result to a file.

import { readFile, writeFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { parseObjectsFile, ObjectsFileError, type KubeObject } from '@kubectl-workload/api';
import { InvalidObjectError, NodeError, RequestsError } from '@kubectl-workload/simulator';
import { UserError } from '../exit.js';
import { runSimulateCommand, SimulateInputError, type SimulateRun } from '../simulate/report.js';
import { renderText } from '../simulate/text.js';
import { applySimulation, asList } from '../simulate/write-snapshot.js';

const FORMATS = ['text', 'json'] as const;

interface SimulateArgs {
  snapshot: string;
  'pod-group': string | undefined;
  output: (typeof FORMATS)[number];
  'write-snapshot': string | undefined;
  preemption: boolean;
}

function builder(yargs: Argv): Argv<SimulateArgs> {
  return yargs
    .option('snapshot', { type: 'string', demandOption: true, describe: 'objects to simulate on: a List or multi-document YAML/JSON (kubectl get nodes,pods,podgroups,priorityclasses -A -o yaml)' })
    .option('pod-group', { type: 'string', describe: 'run one PodGroup cycle for NAMESPACE/NAME instead of running to quiescence' })
    .option('output', { alias: 'o', choices: FORMATS, default: 'text' as const, describe: 'output format (json: see README "simulate")' })
    .option('write-snapshot', { type: 'string', describe: 'write the input with the simulated bindings and PodGroup conditions applied to this file' })
    .option('preemption', { type: 'boolean', default: true, describe: 'simulate DefaultPreemption and workload-aware preemption (victims, nominations); --no-preemption shows the plain fit' })
    .example('$0 simulate --snapshot cluster.yaml', 'schedule every pending pod and gang until nothing more fits')
    .example('$0 simulate --snapshot cluster.yaml --pod-group team-a/trainer -o json', 'one PodGroup cycle, as JSON') as unknown as Argv<SimulateArgs>;
}

async function readObjects(file: string): Promise<KubeObject[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read snapshot "${file}" (--snapshot): ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return parseObjectsFile(text, file);
  } catch (err) {
    if (err instanceof ObjectsFileError) throw new UserError(err.message);
    throw err;
  }
}

function simulate(objects: KubeObject[], args: SimulateArgs, file: string): SimulateRun {
  try {
    return runSimulateCommand(objects, { preemption: args.preemption, ...(args['pod-group'] !== undefined ? { podGroup: args['pod-group'] } : {}) });
  } catch (err) {
    if (err instanceof SimulateInputError) throw new UserError(err.message);
    if (err instanceof RequestsError || err instanceof NodeError || err instanceof InvalidObjectError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

async function handler(args: SimulateArgs): Promise<void> {
  const objects = await readObjects(args.snapshot);
  const run = simulate(objects, args, args.snapshot);
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
  process.stdout.write(args.output === 'json' ? `${JSON.stringify(run.report, null, 2)}\n` : renderText(run.report));
}

export const simulateCommand: CommandModule<object, SimulateArgs> = {
  command: 'simulate',
  describe: 'Dry-run the v1.36 scheduler (pod and PodGroup cycles, topology-aware placements) over a snapshot',
  builder,
  handler,
};
