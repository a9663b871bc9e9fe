// The plugin's subcommands. Each module exports one yargs CommandModule.
import type { CommandModule } from 'yargs';

export const COMMANDS: ReadonlyArray<CommandModule<object, never>> = [];
