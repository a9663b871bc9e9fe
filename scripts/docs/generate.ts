// `make docs` (node scripts/docs/generate.ts) regenerates the generated regions of docs/**/*.md;
// `make verify-docs` (--verify, part of `make test`) fails while any of them is stale, the pair
// Kubernetes keeps as hack/update-* and hack/verify-*. Needs a build: it reads the built rules
// package and runs the built plugin.
//
// Regions: `rule-catalogue` (docs/rules.md) and `help:PROGRAM[/COMMAND]` (its `--help` output).

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL_RULES, RULES_1_36, RULES_1_37, type Rule } from '@kubectl-workload/rules';
import { fillRegions, regionNames } from './regions.ts';
import { findRuleTests, renderCatalogue, ruleSources, tsFiles, type RuleModule } from './rule-catalogue.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const repoPath = (p: string): string => relative(ROOT, p).split(sep).join('/');

/** The rules package's shipped modules as built, each under the path of its source file. */
async function ruleModules(): Promise<RuleModule[]> {
  const src = join(ROOT, 'packages/rules/src');
  return Promise.all(
    tsFiles(src, false)
      .filter((file) => !file.includes(`${sep}test-support${sep}`))
      .map(async (file) => {
        const built = join(ROOT, 'packages/rules/dist', relative(src, file)).replace(/\.ts$/, '.js');
        return { path: repoPath(file), exports: (await import(pathToFileURL(built).href)) as Record<string, unknown> };
      }),
  );
}

/** The executables whose `--help` the docs embed, and how a user types them. */
const PROGRAMS: Readonly<Record<string, { bin: string; typed: string }>> = {
  'kubectl-workload': { bin: 'plugin/bin/kubectl-workload.js', typed: 'kubectl workload' },
  'workload-webhook': { bin: 'webhook/bin/workload-webhook.js', typed: 'workload-webhook' },
};

/**
 * Region `help:PROGRAM[/COMMAND]`: `PROGRAM [COMMAND] --help` as a user sees it through a pipe (the
 * help's width does not depend on the terminal then), in a text block.
 */
function help(target: string): string | undefined {
  const [name = '', command] = target.split('/');
  const program = PROGRAMS[name];
  if (!program) return undefined;
  const args = [...(command ? [command] : []), '--help'];
  const run = spawnSync(process.execPath, [join(ROOT, program.bin), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0) throw new Error(`${program.typed} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ['```text', `$ ${program.typed} ${args.join(' ')}`, run.stdout.trimEnd(), '```', ''].join('\n');
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .sort();
}

async function main(verify: boolean): Promise<number> {
  const versionsOf = (rule: Rule): string[] =>
    [RULES_1_36.includes(rule) ? '1.36' : '', RULES_1_37.includes(rule) ? '1.37' : ''].filter(Boolean);
  const catalogue = renderCatalogue(ALL_RULES, {
    sourceOf: ruleSources(await ruleModules()),
    testsOf: findRuleTests(ROOT, join(ROOT, 'packages/rules/src')),
    versionsOf,
  });
  const render = (name: string): string | undefined =>
    name === 'rule-catalogue' ? catalogue : name.startsWith('help:') ? help(name.slice('help:'.length)) : undefined;

  const stale: string[] = [];
  for (const file of [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))]) {
    const text = readFileSync(file, 'utf8');
    if (regionNames(text).length === 0) continue;
    const fresh = fillRegions(repoPath(file), text, render);
    if (fresh === text) continue;
    stale.push(repoPath(file));
    if (!verify) writeFileSync(file, fresh);
  }
  if (verify && stale.length) {
    process.stderr.write(`generated docs are stale: ${stale.join(', ')}\nrun \`make docs\` and commit the result\n`);
    return 1;
  }
  process.stdout.write(stale.length ? `regenerated ${stale.join(', ')}\n` : 'generated docs are up to date\n');
  return 0;
}

try {
  process.exitCode = await main(process.argv.includes('--verify'));
} catch (err) {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
