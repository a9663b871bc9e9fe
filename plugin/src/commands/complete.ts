// The hidden `__complete` command kubectl calls through `kubectl_complete-workload` (kubectl ≥ 1.26):
// Cobra's protocol, completing commands, flags, flag values and object names.

import type { Argv } from 'yargs';
import { defineCommand, type ArgsOf } from './command.js';

// Take every later word as data: no flag parsing, no --help or --version handling.
const builder = (y: Argv) =>
  y.strict(false).help(false).version(false).parserConfiguration({ 'unknown-options-as-args': true, 'halt-at-non-option': true });

export type CompleteArgs = ArgsOf<typeof builder>;

export const completeCommand = defineCommand({
  command: '__complete',
  describe: false,
  builder,
  // Loaded on use: start-up parses only the flags.
  handler: async (args) => (await import('./run/complete.js')).runComplete(args),
});
