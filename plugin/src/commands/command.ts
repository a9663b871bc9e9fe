// A typed command definition: the builder's inferred flags are the handler's argument type, checked
// by the compiler, then sealed inside one `Command` so the list of commands needs no casts.

import type { ArgumentsCamelCase, Argv } from 'yargs';

export interface CommandDefinition<A> {
  /** yargs' command string: the name, then positionals (`explain <target>`, `status [names..]`). */
  readonly command: string;
  readonly aliases?: readonly string[];
  /** `false` hides the command from help and completion. */
  readonly describe: string | false;
  readonly builder: (yargs: Argv) => Argv<A>;
  readonly handler: (args: ArgumentsCamelCase<A>) => void | Promise<void>;
}

/** The arguments a command's handler receives: its flags under their own and camelCase names. */
export type ArgsOf<B> = B extends (yargs: Argv) => Argv<infer A> ? ArgumentsCamelCase<A> : never;

/** A command whose argument type is sealed in: main registers it, completion reads its flags. */
export interface Command {
  readonly command: string;
  readonly aliases: readonly string[];
  readonly describe: string | false;
  /** Declares the command's flags on a yargs instance (completion runs it on a throwaway one). */
  readonly builder: (yargs: Argv) => Argv<unknown>;
  /** Adds the command to a yargs instance. */
  readonly register: (yargs: Argv) => Argv;
}

export function defineCommand<A>(definition: CommandDefinition<A>): Command {
  const { command, aliases = [], describe, builder, handler } = definition;
  const names = [command, ...aliases];
  return {
    command,
    aliases,
    describe,
    builder,
    register: (yargs) =>
      describe === false ? yargs.command(names, false, builder, handler) : yargs.command(names, describe, builder, handler),
  };
}
