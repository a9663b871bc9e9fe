import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { COMMANDS } from './commands/index.js';
import { EXIT_ERROR, UserError } from './exit.js';
import { VERSION } from './version.js';

function reportAndExit(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message}\n`);
  process.exit(err instanceof UserError ? err.exitCode : EXIT_ERROR);
}

export async function main(argv: string[]): Promise<void> {
  let cli = yargs(argv)
    .scriptName('kubectl workload')
    .usage('$0 <command> [options]\n\nLint, explain, diff and simulate Kubernetes v1.36 workload-aware scheduling (Workload / PodGroup).')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'a command is required')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) reportAndExit(err);
      process.stderr.write(`error: ${msg}\nSee 'kubectl workload --help'.\n`);
      process.exit(EXIT_ERROR);
    });
  for (const command of COMMANDS) cli = command.register(cli);
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch(reportAndExit);
