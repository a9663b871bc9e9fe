import type { Argv } from 'yargs';
import { defineCommand } from '../commands/command.js';
import { complete, type NameSource } from './candidates.js';
import { commandSpecs } from './commands.js';
import { Directive, formatCompletions } from './protocol.js';

const withCluster = (y: Argv) =>
  y
    .option('namespace', { alias: 'n', type: 'string', describe: 'namespace' })
    .option('all-namespaces', { alias: 'A', type: 'boolean', describe: 'all namespaces' })
    .option('snapshot', { type: 'string', describe: 'snapshot file' })
    .option('context', { type: 'string', describe: 'kubeconfig context' })
    .option('cluster', { type: 'string', describe: 'kubeconfig cluster' })
    .option('user', { type: 'string', describe: 'kubeconfig user' })
    .option('output', { alias: 'o', type: 'string', choices: ['json', 'yaml', 'wide'], describe: 'output format' });

const modules = [
  defineCommand({ command: 'status', aliases: ['get'], describe: 'PodGroup status', builder: withCluster, handler: () => undefined }),
  defineCommand({
    command: 'explain TARGET',
    aliases: ['why'],
    describe: 'Why a gang is pending',
    builder: withCluster,
    handler: () => undefined,
  }),
  defineCommand({
    command: 'lint [files..]',
    describe: 'Lint manifests',
    builder: (y: Argv) => y.option('strict', { type: 'boolean' }),
    handler: () => undefined,
  }),
  defineCommand({ command: '__complete', describe: false, builder: (y: Argv) => y, handler: () => undefined }),
];

const source: NameSource = {
  namespaces: () => Promise.resolve(['default', 'ml-team']),
  names: (kind) => Promise.resolve(kind === 'PodGroup' ? ['trainer', 'tiny'] : kind === 'Job' ? ['train-job'] : []),
  kubeconfig: () => Promise.resolve({ contexts: ['prod-admin', 'staging'], clusters: ['prod', 'staging-eu'], users: ['admin', 'ci-bot'] }),
};

async function run(...args: string[]) {
  const commands = commandSpecs(modules);
  return complete(args, { commands, positionals: { status: 'PodGroup', explain: 'explain-target', lint: 'file' }, source: () => source });
}

const values = (r: { candidates: readonly { value: string }[] }) => r.candidates.map((c) => c.value);

describe('complete', () => {
  it('offers the visible commands with their descriptions, not the hidden __complete', async () => {
    const r = await run('');
    expect(values(r)).toEqual(['status', 'explain', 'lint']);
    expect(r.directive).toBe(Directive.NoFileComp);
    expect(formatCompletions(await run('st'))).toBe('status\tPodGroup status\n:4\n');
  });

  it('completes long flags, and shorthands only after a single dash', async () => {
    expect(values(await run('status', '--a'))).toEqual(['--all-namespaces']);
    expect(values(await run('status', '-'))).toEqual(expect.arrayContaining(['--namespace', '-n', '-A', '--output', '-o']));
    expect(values(await run('status', '--'))).not.toContain('-n');
  });

  it('completes flag values: choices, namespaces, and files for paths', async () => {
    expect(values(await run('status', '-o', ''))).toEqual(['json', 'yaml', 'wide']);
    expect(values(await run('status', '--output=y'))).toEqual(['--output=yaml']);
    expect(values(await run('get', '-n', 'ml'))).toEqual(['ml-team']);
    expect(await run('status', '--snapshot', '')).toEqual({ candidates: [], directive: Directive.Default });
  });

  it('completes --context, --cluster and --user with the names of the kubeconfig', async () => {
    const contexts = await run('status', '--context', '');
    expect(values(contexts)).toEqual(['prod-admin', 'staging']);
    expect(contexts.directive).toBe(Directive.NoFileComp);
    expect(values(await run('get', '--cluster', 'st'))).toEqual(['staging-eu']);
    expect(values(await run('explain', '--user=c'))).toEqual(['--user=ci-bot']);
    // The value is a kubeconfig name, not the command's positional argument.
    expect(values(await run('status', '--context', 'prod-admin', 't'))).toEqual(['trainer', 'tiny']);
  });

  it('completes object names for a command through its alias, skipping flag values', async () => {
    expect(values(await run('get', '-n', 'default', 't'))).toEqual(['trainer', 'tiny']);
    expect(values(await run('status', '-A', 'tr'))).toEqual(['trainer']);
  });

  it('completes explain targets: kind prefixes without a trailing space, then names of that kind', async () => {
    const prefixes = await run('why', 'p');
    expect(values(prefixes)).toEqual(['podgroup/', 'pod/']);
    expect(prefixes.directive).toBe(Directive.NoFileComp | Directive.NoSpace);
    expect(values(await run('explain', ''))).toEqual(['podgroup/', 'pod/', 'job/', 'workload/', 'trainer', 'tiny']);
    expect(values(await run('explain', 'job/'))).toEqual(['job/train-job']);
    expect(values(await run('explain', 'tr'))).toEqual(['trainer']);
  });

  it('leaves file arguments to the shell', async () => {
    expect((await run('lint', '')).directive).toBe(Directive.Default);
  });
});
