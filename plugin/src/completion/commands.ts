// What completion knows of the CLI: each command's names and flags, read from the yargs command
// modules themselves so a new command or flag completes without touching this code.

import yargs, { type Argv, type CommandModule } from 'yargs';

export interface FlagSpec {
  /** Long name without dashes (`namespace`); single-letter names are shorthands (`n`). */
  readonly names: readonly string[];
  /** Whether the flag is a switch (takes no value). */
  readonly boolean: boolean;
  readonly choices: readonly string[];
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly flags: readonly FlagSpec[];
}

/** The parts of yargs' bookkeeping completion reads (public at run time, absent from @types/yargs). */
interface YargsOptionTable {
  key: Record<string, boolean>;
  alias: Record<string, string[]>;
  boolean: string[];
  count: string[];
  choices: Record<string, unknown[]>;
  hiddenOptions: string[];
}

interface YargsIntrospection {
  getOptions(): YargsOptionTable;
  getInternalMethods(): { getUsageInstance(): { getDescriptions(): Record<string, string | undefined> } };
}

function firstWord(command: string): string {
  return command.split(/\s+/)[0] ?? '';
}

function commandNames(module: CommandModule<object, never>): { name: string; aliases: string[] } {
  const declared = module.command === undefined ? [] : Array.isArray(module.command) ? module.command : [module.command];
  const aliases = module.aliases === undefined ? [] : Array.isArray(module.aliases) ? module.aliases : [module.aliases];
  const [name = '', ...more] = [...declared, ...aliases].map(String).map(firstWord);
  return { name, aliases: more };
}

/** yargs marks its own untranslated texts (`Show help`) with this prefix. */
const YARGS_STRING = '__yargsString__:';

/** `diff [workload]`, `status [names..]`: positionals the builder declares, which yargs also lists as options. */
function positionalNames(module: CommandModule<object, never>): Set<string> {
  const declared = Array.isArray(module.command) ? module.command : [module.command ?? ''];
  return new Set(declared.flatMap((c) => [...String(c).matchAll(/[[<]([^\]>.]+)(?:\.\.)?[\]>]/g)].map((m) => m[1] ?? '')));
}

function flagsOf(y: Argv, positionals: ReadonlySet<string>): FlagSpec[] {
  const introspection = y as unknown as YargsIntrospection;
  const table = introspection.getOptions();
  const described = introspection.getInternalMethods().getUsageInstance().getDescriptions();
  const hidden = new Set(table.hiddenOptions);
  const switches = new Set([...table.boolean, ...table.count]);
  const seen = new Set<string>();
  const flags: FlagSpec[] = [];
  for (const key of Object.keys(table.key)) {
    if (seen.has(key) || hidden.has(key) || positionals.has(key)) continue;
    const names = [key, ...(table.alias[key] ?? [])];
    names.forEach((n) => seen.add(n));
    flags.push({
      names: names.sort((a, b) => b.length - a.length),
      boolean: names.some((n) => switches.has(n)),
      choices: (table.choices[key] ?? []).map(String),
      description: (described[key] ?? '').replace(YARGS_STRING, ''),
    });
  }
  return flags;
}

/** The spec of one command module: its builder is run on a throwaway yargs instance. */
export async function commandSpec(module: CommandModule<object, never>): Promise<CommandSpec> {
  let y: Argv = yargs([]).help().alias('h', 'help');
  const builder = module.builder;
  if (typeof builder === 'function') y = (await builder(y as Argv<object>)) as Argv;
  else if (builder) y = y.options(builder);
  const { name, aliases } = commandNames(module);
  return { name, aliases, description: typeof module.describe === 'string' ? module.describe : '', flags: flagsOf(y, positionalNames(module)) };
}

/** Specs of the visible commands (`describe: false` hides a command, as in yargs' help). */
export async function commandSpecs(modules: ReadonlyArray<CommandModule<object, never>>): Promise<CommandSpec[]> {
  return Promise.all(modules.filter((m) => m.describe !== false).map(commandSpec));
}
