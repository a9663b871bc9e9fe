// `kubectl workload completion bash|zsh`: the shell completion script for the standalone
// `kubectl-workload`, as `kubectl completion SHELL` prints kubectl's.

import type { Argv } from 'yargs';
import { COMPLETION_SHELLS, completionScript } from '../completion/scripts.js';
import { defineCommand } from './command.js';

function builder(yargs: Argv) {
  return yargs
    .positional('shell', { choices: COMPLETION_SHELLS, demandOption: true, describe: 'the shell to print the script for' })
    .example(
      'source <($0 completion bash)',
      'complete kubectl-workload in this bash session (kubectl workload <TAB> already completes through kubectl_complete-workload)',
    );
}

export const completionCommand = defineCommand({
  command: 'completion <shell>',
  describe: 'Print the bash or zsh completion script for kubectl-workload',
  builder,
  handler: (args) => {
    process.stdout.write(completionScript(args.shell));
  },
});
