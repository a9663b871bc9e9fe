// The hidden `__complete` command kubectl calls through `kubectl_complete-workload` (kubectl ≥ 1.26):
// Cobra's protocol, completing commands, flags, flag values and object names.

import type { Argv, CommandModule } from 'yargs';

export interface CompleteArgs {
  _: (string | number)[];
}

export const completeCommand: CommandModule<object, CompleteArgs> = {
  command: '__complete',
  describe: false,
  // Take every later word as data: no flag parsing, no --help or --version handling.
  builder: (y: Argv) =>
    y.strict(false).help(false).version(false).parserConfiguration({ 'unknown-options-as-args': true, 'halt-at-non-option': true }) as unknown as Argv<CompleteArgs>,
  // Loaded on use: start-up parses only the flags.
  handler: async (args) => (await import('./run/complete.js')).runComplete(args),
};
