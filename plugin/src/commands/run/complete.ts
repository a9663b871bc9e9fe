// The `__complete` command's work, loaded only when the command runs (see ../complete.ts).

import { kubeconfigNames, stateObjects, withClusterSourceOptions, type SourceOptions } from '@kubectl-workload/cluster';
import { knownKind, nameOf } from '@kubectl-workload/api';
import yargs from 'yargs';
import { complete, type NameSource, type PositionalKind } from '../../completion/candidates.js';
import { commandSpecs } from '../../completion/commands.js';
import { Directive, formatCompletions } from '../../completion/protocol.js';
import { loadClusterView } from '../../status/cluster-view.js';
import type { CompleteArgs } from '../complete.js';
import { COMMANDS } from '../index.js';

/** What each command's positional argument names. */
const POSITIONALS: Readonly<Record<string, PositionalKind>> = {
  status: 'PodGroup',
  diff: 'Workload',
  explain: 'explain-target',
  lint: 'file',
};

/** How long completion may wait for the cluster: a shell must not hang on a slow server. */
const COMPLETION_TIMEOUT = '3s';

/** The cluster flags among the words being completed, with a short timeout unless one was given. */
function clusterOptions(words: readonly string[]): SourceOptions {
  const options = withClusterSourceOptions(
    yargs([...words])
      .help(false)
      .version(false),
  ).parseSync() as SourceOptions;
  const timeout = options.requestTimeout && options.requestTimeout !== '0' ? options.requestTimeout : COMPLETION_TIMEOUT;
  return { ...options, requestTimeout: timeout };
}

/** Names from the cluster (or --snapshot) the words point at, and from its kubeconfig; namespaces come from every namespace. */
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
      return [
        ...new Set(
          stateObjects(state)
            .filter((o) => knownKind(o) === kind)
            .map((o) => nameOf(o)),
        ),
      ].sort();
    },
    kubeconfig: () => kubeconfigNames(options),
  };
}

export async function runComplete(args: CompleteArgs): Promise<void> {
  // Everything after `__complete`, verbatim (yargs keeps it as positional words, see the builder).
  const raw = args._.map(String);
  const words = raw.slice(raw.lastIndexOf('__complete') + 1);
  const commands = commandSpecs(COMMANDS);
  const result = await complete(words, { commands, positionals: POSITIONALS, source: () => nameSource(words.slice(0, -1)) }).catch(() => ({
    candidates: [],
    directive: Directive.Error,
  }));
  process.stdout.write(formatCompletions(result));
}
