// The plugin's subcommands. Each module exports one yargs CommandModule.
import type { CommandModule } from 'yargs';
import { lintCommand } from './lint.js';
import { snapshotCommand } from './snapshot.js';
import { statusCommand } from './status.js';
import { diffCommand } from './diff.js';
import { completeCommand } from './complete.js';
import { explainCommand } from './explain.js';
import { simulateCommand } from './simulate.js';
import { convertCommand } from './convert.js';

export const COMMANDS: ReadonlyArray<CommandModule<object, never>> = [
  lintCommand as unknown as CommandModule<object, never>,
  snapshotCommand as unknown as CommandModule<object, never>,
  statusCommand as unknown as CommandModule<object, never>,
  diffCommand as unknown as CommandModule<object, never>,
  explainCommand as unknown as CommandModule<object, never>,
  completeCommand as unknown as CommandModule<object, never>,
  simulateCommand as unknown as CommandModule<object, never>,
  convertCommand as unknown as CommandModule<object, never>,
];
