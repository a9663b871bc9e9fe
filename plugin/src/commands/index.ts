// The plugin's subcommands, each a typed command definition (see ./command.ts).
import type { Command } from './command.js';
import { lintCommand } from './lint.js';
import { snapshotCommand } from './snapshot.js';
import { statusCommand } from './status.js';
import { diffCommand } from './diff.js';
import { completeCommand } from './complete.js';
import { completionCommand } from './completion.js';
import { explainCommand } from './explain.js';
import { simulateCommand } from './simulate.js';
import { convertCommand } from './convert.js';

export const COMMANDS: readonly Command[] = [
  lintCommand,
  snapshotCommand,
  statusCommand,
  diffCommand,
  explainCommand,
  completeCommand,
  completionCommand,
  simulateCommand,
  convertCommand,
];
