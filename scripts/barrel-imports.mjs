// An esbuild plugin that points named imports of the workspace package barrels
// (`import { x } from '@kubectl-workload/cluster'`) at the module of the package that defines each
// name, for the modules matched by `filter` only.
//
// Why: with code splitting, esbuild puts into the start-up chunks every module reachable from the
// entry, following a barrel's `export … from` lines even to modules whose exports go unused. The
// plugin's command modules import a flag builder or two from the barrels, which would drag the rules
// engine, js-yaml and the snapshot reader into every start-up. The lazily loaded work keeps the barrels.
// A name the barrel does not visibly define leaves its import as it is: slower, never wrong.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const BARREL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"](@kubectl-workload\/[\w-]+)['"];/g;
const RE_EXPORT = /export\s*(\*|\{[^}]*\})\s*from\s*['"](\.[^'"]+)['"];/g;

/** `a`, `b as c` → [a, a], [b, c]: the name on the module's side, then the name on this side. */
function specifiers(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [exported, local = exported] = s.split(/\s+as\s+/);
      return [exported, local];
    });
}

const declares = (source, name) => new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|class|const|let|var)\\s+${name}\\b`).test(source);

/**
 * Where the barrel's export `name` comes from, by its `export { … } from` and `export * from` lines:
 * the file and the name it has there.
 */
async function definingModule(barrel, name) {
  const source = await readFile(barrel, 'utf8');
  for (const [, what, from] of source.matchAll(RE_EXPORT)) {
    const file = resolve(dirname(barrel), from);
    if (what === '*') {
      if (declares(await readFile(file, 'utf8'), name)) return { file, name };
      continue;
    }
    const found = specifiers(what.slice(1, -1)).find(([, exported]) => exported === name);
    if (found) return { file, name: found[0] };
  }
  return undefined;
}

/** Rewrites one barrel import into imports of the defining modules, or returns it unchanged. */
async function rewrite(statement, list, barrel) {
  const byFile = new Map();
  for (const [exported, local] of specifiers(list)) {
    const defined = await definingModule(barrel, exported);
    if (!defined) return statement;
    const { file, name } = defined;
    byFile.set(file, [...(byFile.get(file) ?? []), name === local ? name : `${name} as ${local}`]);
  }
  return [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`).join('\n');
}

/** @param {RegExp} filter the importing modules to rewrite (their paths) */
export function barrelImports(filter) {
  return {
    name: 'barrel-imports',
    setup(build) {
      build.onLoad({ filter }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        let out = '';
        let at = 0;
        for (const match of source.matchAll(BARREL_IMPORT)) {
          const [statement, list, specifier] = match;
          const barrel = await build.resolve(specifier, { kind: 'import-statement', resolveDir: dirname(path) });
          out += source.slice(at, match.index) + (barrel.errors.length ? statement : await rewrite(statement, list, barrel.path));
          at = match.index + statement.length;
        }
        return { contents: out + source.slice(at), loader: 'js', resolveDir: dirname(path) };
      });
    },
  };
}
