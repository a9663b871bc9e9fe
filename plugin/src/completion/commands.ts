// What completion knows of the CLI: each command's names and flags, read from the command
// definitions themselves so a new command or flag completes without touching this code.

import yargs, { type Argv } from 'yargs';
import type { Command } from '../commands/command.js';

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

function commandNames(command: Command): { name: string; aliases: string[] } {
  return { name: firstWord(command.command), aliases: command.aliases.map(firstWord) };
}

/** yargs marks its own untranslated texts (`Show help`) with this prefix. */
const YARGS_STRING = '__yargsString__:';

/** `diff [workload]`, `status [names..]`: positionals the builder declares, which yargs also lists as options. */
function positionalNames(command: Command): Set<string> {
  return new Set([...command.command.matchAll(/[[<]([^\]>.]+)(?:\.\.)?[\]>]/g)].map((m) => m[1] ?? ''));
}

function flagsOf(y: Argv<unknown>, positionals: ReadonlySet<string>): FlagSpec[] {
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

/** The spec of one command: its builder is run on a throwaway yargs instance. */
export function commandSpec(command: Command): CommandSpec {
  const y = command.builder(yargs([]).help().alias('h', 'help'));
  const { name, aliases } = commandNames(command);
  return { name, aliases, description: command.describe === false ? '' : command.describe, flags: flagsOf(y, positionalNames(command)) };
}

/** Specs of the visible commands (`describe: false` hides a command, as in yargs' help). */
export function commandSpecs(commands: readonly Command[]): CommandSpec[] {
  return commands.filter((c) => c.describe !== false).map(commandSpec);
}
