// Decides what to offer for the word being completed: a command, a flag, a flag's value (a kubeconfig
// context, cluster or user for --context, --cluster, --user), or an object name from the cluster (or
// --snapshot), Cobra-style.

import type { KubeconfigNames } from '@kubectl-workload/cluster';
import type { CommandSpec, FlagSpec } from './commands.js';
import { Directive, type Candidate, type CompletionResult } from './protocol.js';

export type NamedKind = 'PodGroup' | 'Workload' | 'Pod' | 'Job';

/** Where names come from; built from the cluster flags found among the words being completed. */
export interface NameSource {
  namespaces(): Promise<string[]>;
  names(kind: NamedKind): Promise<string[]>;
  /** The names in the kubeconfig in effect (--kubeconfig, else KUBECONFIG merged, else ~/.kube/config). */
  kubeconfig(): Promise<KubeconfigNames>;
}

/** The flags whose values name an entry of the kubeconfig, and which list of names that is. */
const KUBECONFIG_NAME_FLAGS: ReadonlyMap<string, keyof KubeconfigNames> = new Map([
  ['context', 'contexts'],
  ['cluster', 'clusters'],
  ['user', 'users'],
]);

/** What a command's positional argument names. `explain` takes `kind/name` or a bare PodGroup name. */
export type PositionalKind = NamedKind | 'explain-target' | 'file';

/** `explain TARGET` prefixes, in the order a bare NAME is resolved. */
export const EXPLAIN_TARGET_KINDS: ReadonlyArray<readonly [prefix: string, kind: NamedKind]> = [
  ['podgroup', 'PodGroup'],
  ['pod', 'Pod'],
  ['job', 'Job'],
  ['workload', 'Workload'],
];

export interface CompletionContext {
  readonly commands: readonly CommandSpec[];
  /** The positional argument kind of each command (by primary name). */
  readonly positionals: Readonly<Record<string, PositionalKind>>;
  readonly source: () => NameSource;
}

function flagByName(flags: readonly FlagSpec[], name: string): FlagSpec | undefined {
  return flags.find((f) => f.names.includes(name));
}

function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

interface Parsed {
  readonly command: CommandSpec | undefined;
  /** The flag whose value is being completed (the word before it was `--flag` expecting a value). */
  readonly pendingFlag: FlagSpec | undefined;
}

/** Walks the finished words: finds the command and whether the last of them left a flag waiting for its value. */
function parseWords(words: readonly string[], commands: readonly CommandSpec[]): Parsed {
  let command: CommandSpec | undefined;
  let pendingFlag: FlagSpec | undefined;
  for (const word of words) {
    if (pendingFlag) {
      pendingFlag = undefined;
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      if (word.includes('=')) continue;
      const flag = flagByName(command?.flags ?? [], word.replace(/^-+/, ''));
      if (flag && !flag.boolean) pendingFlag = flag;
      continue;
    }
    command ??= commands.find((c) => c.name === word || c.aliases.includes(word));
  }
  return { command, pendingFlag };
}

function matching(candidates: readonly Candidate[], prefix: string): Candidate[] {
  return candidates.filter((c) => c.value.startsWith(prefix));
}

/** Plain names (no descriptions) that start with the word typed so far; never files. */
function namesMatching(names: readonly string[], prefix: string): CompletionResult {
  return {
    candidates: matching(
      names.map((value) => ({ value })),
      prefix,
    ),
    directive: Directive.NoFileComp,
  };
}

async function flagValues(flag: FlagSpec, prefix: string, source: () => NameSource): Promise<CompletionResult> {
  if (flag.choices.length > 0) return namesMatching(flag.choices, prefix);
  if (flag.names.includes('namespace')) return namesMatching(await source().namespaces(), prefix);
  const kubeconfigList = flag.names.map((name) => KUBECONFIG_NAME_FLAGS.get(name)).find((list) => list !== undefined);
  if (kubeconfigList) return namesMatching((await source().kubeconfig())[kubeconfigList], prefix);
  // Paths (--kubeconfig, --snapshot, certificates) and free text: let the shell complete files.
  return { candidates: [], directive: Directive.Default };
}

function flagNames(command: CommandSpec | undefined, prefix: string): CompletionResult {
  const flags = command?.flags ?? [];
  const candidates = flags.flatMap((flag) =>
    flag.names.filter((name) => name.length > 1 || prefix === '-').map((name) => ({ value: dashed(name), description: flag.description })),
  );
  return { candidates: matching(candidates, prefix), directive: Directive.NoFileComp };
}

async function explainTargets(prefix: string, source: NameSource): Promise<CompletionResult> {
  const slash = prefix.indexOf('/');
  if (slash >= 0) {
    const kind = EXPLAIN_TARGET_KINDS.find(([p]) => p === prefix.slice(0, slash))?.[1];
    if (!kind) return { candidates: [], directive: Directive.NoFileComp };
    const names = await source.names(kind);
    return {
      candidates: matching(
        names.map((n) => ({ value: `${prefix.slice(0, slash)}/${n}` })),
        prefix,
      ),
      directive: Directive.NoFileComp,
    };
  }
  const kinds = EXPLAIN_TARGET_KINDS.map(([p, kind]) => ({ value: `${p}/`, description: kind }));
  const groups = (await source.names('PodGroup')).map((value) => ({ value, description: 'PodGroup' }));
  const candidates = matching([...kinds, ...groups], prefix);
  // A kind prefix continues with a name: no space after it.
  const onlyPrefixes = candidates.length > 0 && candidates.every((c) => c.value.endsWith('/'));
  return { candidates, directive: Directive.NoFileComp | (onlyPrefixes ? Directive.NoSpace : 0) };
}

async function positionalValues(kind: PositionalKind | undefined, prefix: string, source: () => NameSource): Promise<CompletionResult> {
  switch (kind) {
    case undefined:
      return { candidates: [], directive: Directive.NoFileComp };
    case 'file':
      return { candidates: [], directive: Directive.Default };
    case 'explain-target':
      return explainTargets(prefix, source());
    default:
      return namesMatching(await source().names(kind), prefix);
  }
}

/** Completes the last of `args` (Cobra passes the word being completed last, possibly empty). */
export async function complete(args: readonly string[], ctx: CompletionContext): Promise<CompletionResult> {
  const words = args.slice(0, -1);
  const current = args.at(-1) ?? '';
  const { command, pendingFlag } = parseWords(words, ctx.commands);
  if (pendingFlag) return flagValues(pendingFlag, current, ctx.source);
  const assignment = /^(--?[^=]+)=(.*)$/.exec(current);
  if (assignment?.[1] && assignment[2] !== undefined) {
    const flag = flagByName(command?.flags ?? [], assignment[1].replace(/^-+/, ''));
    if (!flag || flag.boolean) return { candidates: [], directive: Directive.NoFileComp };
    const values = await flagValues(flag, assignment[2], ctx.source);
    return { ...values, candidates: values.candidates.map((c) => ({ ...c, value: `${assignment[1]}=${c.value}` })) };
  }
  if (current.startsWith('-')) return flagNames(command, current);
  if (!command) {
    const names = ctx.commands.map((c) => ({ value: c.name, description: c.description }));
    return { candidates: matching(names, current), directive: Directive.NoFileComp };
  }
  return positionalValues(ctx.positionals[command.name], current, ctx.source);
}
