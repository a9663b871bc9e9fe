// The plugin's subcommands. Each module exports one yargs CommandModule.
import type { CommandModule } from 'yargs';
import { lintCommand } from './lint.js';
import { snapshotCommand } from './snapshot.js';

export const COMMANDS: ReadonlyArray<CommandModule<object, never>> = [
  lintCommand as unknown as CommandModule<object, never>,
  snapshotCommand as unknown as CommandModule<object, never>,
];
