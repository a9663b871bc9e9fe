// The hidden `__complete` command kubectl calls through `kubectl_complete-workload` (kubectl ≥ 1.26):
// Cobra's protocol, completing commands, flags, flag values and object names.

import type { Argv, CommandModule } from 'yargs';
import { stateObjects, withClusterSourceOptions, type SourceOptions } from '@kubectl-workload/cluster';
import { knownKind, nameOf } from '@kubectl-workload/api';
import yargs from 'yargs';
import { complete, type NameSource, type PositionalKind } from '../completion/candidates.js';
import { commandSpecs } from '../completion/commands.js';
import { Directive, formatCompletions } from '../completion/protocol.js';
import { loadClusterView } from '../status/cluster-view.js';

/** What each command's positional argument names. */
const POSITIONALS: Readonly<Record<string, PositionalKind>> = {
  status: 'PodGroup',
  diff: 'Workload',
  explain: 'explain-target',
  lint: 'file',
};

/** How long completion may wait for the cluster: a shell must not hang on a slow server. */
const COMPLETION_TIMEOUT = '3s';

interface CompleteArgs {
  _: (string | number)[];
}

/** The cluster flags among the words being completed, with a short timeout unless one was given. */
function clusterOptions(words: readonly string[]): SourceOptions {
  const options = withClusterSourceOptions(yargs([...words]).help(false).version(false)).parseSync() as SourceOptions;
  const timeout = options.requestTimeout && options.requestTimeout !== '0' ? options.requestTimeout : COMPLETION_TIMEOUT;
  return { ...options, requestTimeout: timeout };
}

/** Names from the cluster (or --snapshot) the words point at; namespaces come from every namespace. */
function nameSource(words: readonly string[]): NameSource {
  const options = clusterOptions(words);
  const views = new Map<boolean, ReturnType<typeof loadClusterView>>();
  const view = (allNamespaces: boolean) => {
    const loading = views.get(allNamespaces) ?? loadClusterView({ ...options, allNamespaces: allNamespaces || options.allNamespaces });
    views.set(allNamespaces, loading);
    return loading;
  };
  return {
    namespaces: async () => {
      const { state } = await view(true);
      return [...new Set(stateObjects(state).flatMap((o) => (o.metadata?.namespace ? [o.metadata.namespace] : [])))].sort();
    },
    names: async (kind) => {
      const { state } = await view(false);
      return [...new Set(stateObjects(state).filter((o) => knownKind(o) === kind).map((o) => nameOf(o)))].sort();
    },
  };
}

async function handler(args: CompleteArgs): Promise<void> {
  // Everything after `__complete`, verbatim (yargs keeps it as positional words, see the builder).
  const raw = args._.map(String);
  const words = raw.slice(raw.lastIndexOf('__complete') + 1);
  const { COMMANDS } = await import('./index.js');
  const commands = await commandSpecs(COMMANDS);
  const result = await complete(words, { commands, positionals: POSITIONALS, source: () => nameSource(words.slice(0, -1)) }).catch(
    () => ({ candidates: [], directive: Directive.Error }),
  );
  process.stdout.write(formatCompletions(result));
}

export const completeCommand: CommandModule<object, CompleteArgs> = {
  command: '__complete',
  describe: false,
  // Take every later word as data: no flag parsing, no --help or --version handling.
  builder: (y: Argv) =>
    y.strict(false).help(false).version(false).parserConfiguration({ 'unknown-options-as-args': true, 'halt-at-non-option': true }) as unknown as Argv<CompleteArgs>,
  handler,
};
