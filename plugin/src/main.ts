import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { YARGS_STRINGS, commandError, flagError } from './commands/flags.js';
import { COMMANDS } from './commands/index.js';
import { commandSpec } from './completion/commands.js';
import { EXIT_ERROR, EXIT_OK, UserError } from './exit.js';
import { VERSION } from './version.js';

function reportAndExit(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message}\n`);
  process.exit(err instanceof UserError ? err.exitCode : EXIT_ERROR);
}

/**
 * A reader that stops early (`| head -1`) closes the pipe: that is no error of ours, so stop quietly
 * with the status the command decided (findings still exit 1) instead of Node's unhandled EPIPE trace.
 */
function stopQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(Number(process.exitCode ?? EXIT_OK));
    reportAndExit(new Error(`cannot write the output: ${err.message}`));
  });
}

/** kubectl's usage error: the message, then where to read the usage. */
function usageError(message: string, command?: string): never {
  process.stderr.write(`error: ${message}\nSee 'kubectl workload${command ? ` ${command}` : ''} --help' for usage.\n`);
  process.exit(EXIT_ERROR);
}

/**
 * Command and flag errors in kubectl's words, before yargs parses (its own messages read "Unknown
 * argument: header"); returns the command's name for the usage line of errors yargs finds later.
 */
function checkCommandLine(argv: readonly string[]): string | undefined {
  const [first] = argv;
  if (first !== undefined && !first.startsWith('-')) {
    const names = ['help', ...COMMANDS.flatMap((c) => [c.command.split(' ')[0] ?? '', ...c.aliases])];
    const unknown = commandError(first, names);
    if (unknown) usageError(unknown);
  }
  const index = argv.findIndex((word) => !word.startsWith('-'));
  const name = argv[index];
  const command = COMMANDS.find((c) => c.describe !== false && (c.command.split(' ')[0] === name || c.aliases.includes(name ?? '')));
  if (!command) return undefined;
  const error = flagError(argv.slice(index + 1), commandSpec(command).flags);
  if (error) usageError(error, name);
  return name;
}

export async function main(argv: string[]): Promise<void> {
  stopQuietlyWhenOutputCloses();
  const commandName = checkCommandLine(argv);
  let cli = yargs(argv)
    .scriptName('kubectl workload')
    // @types/yargs types entries as strings; y18n reads plural texts as { one, other }.
    .updateStrings(YARGS_STRINGS as unknown as Record<string, string>)
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
      usageError(msg, commandName);
    });
  for (const command of COMMANDS) cli = command.register(cli);
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch(reportAndExit);
