// `kubectl workload explain TARGET` (alias `why`): follows Job → Workload → PodGroup → Pods → Nodes
// and reports the first broken link and its fix; exit 0 when every link holds, 1 when one is broken.

import type { Argv, CommandModule } from 'yargs';
import { RequestsError, NodeError } from '@kubectl-workload/simulator';
import { withClusterSourceOptions, type SourceOptions } from '@kubectl-workload/cluster';
import { explain } from '../explain/chain.js';
import { eventsOf } from '../explain/events.js';
import { renderExplain, type ExplainFormat } from '../explain/render.js';
import { resolveTarget } from '../explain/target.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../exit.js';
import { colorEnabled, paletteFor } from '../output/color.js';
import { loadClusterView } from '../status/cluster-view.js';

const FORMATS = ['text', 'json', 'yaml'] as const;

interface ExplainArgs extends SourceOptions {
  target: string;
  output: ExplainFormat;
  preemption: boolean;
}

function builder(yargs: Argv): Argv<ExplainArgs> {
  return withClusterSourceOptions(yargs)
    .positional('target', { type: 'string', demandOption: true, describe: 'podgroup/NAME, pod/NAME, job/NAME, workload/NAME, or NAME (tried in that order)' })
    .option('output', { alias: 'o', choices: FORMATS, default: 'text' as ExplainFormat, describe: 'output format' })
    .option('preemption', { type: 'boolean', default: true, describe: 'also simulate preemption: whom the gang would evict, or why that cannot help (--no-preemption: plain fit only)' })
    .example('$0 explain podgroup/llm-train-workers', 'why a gang is pending')
    .example('$0 why job/etl-batch --snapshot cluster.yaml -o json', 'from a snapshot, machine-readable') as unknown as Argv<ExplainArgs>;
}

async function handler(args: ExplainArgs): Promise<void> {
  // The whole cluster: nodes carry pods of every namespace, and the simulation must see them all.
  const view = await loadClusterView({ ...args, allNamespaces: true, withEvents: true });
  const target = resolveTarget(args.target, view.namespace, view.state);
  const { events, warning } = eventsOf(view.state, view.namespace);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  let diagnosis;
  try {
    diagnosis = explain(target, { state: view.state, events, now: new Date().toISOString(), preemption: args.preemption });
  } catch (err) {
    if (err instanceof RequestsError || err instanceof NodeError) throw new UserError(err.message);
    throw err;
  }
  const colors = paletteFor(args.output === 'text' && colorEnabled(process.stdout));
  process.stdout.write(renderExplain(diagnosis, args.output, colors));
  process.exitCode = diagnosis.broken ? EXIT_FINDINGS : EXIT_OK;
}

export const explainCommand: CommandModule<object, ExplainArgs> = {
  command: 'explain <target>',
  aliases: ['why'],
  describe: 'Why a gang is not running: follow Job → Workload → PodGroup → Pods → Nodes to the first broken link (exit 1 if one is broken)',
  builder,
  handler,
};
