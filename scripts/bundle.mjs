// Bundles each CLI into ESM so start-up reads a few modules instead of hundreds (the
// `kubectl-workload --version` budget is 150 ms). The plugin is split: its commands import their
// work lazily, so each implementation lands in its own chunk that start-up never parses.
// Command modules import their flag builders from subpath exports (`@kubectl-workload/cluster/options`,
// `@kubectl-workload/api/gates`), never the package barrels: a barrel import would pull every module
// the barrel re-exports into the start-up chunk.
// The Kubernetes client stays external: it is only imported by commands that talk to a cluster.
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['@kubernetes/client-node'],
  // Some CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

const PLUGIN_CHUNKS = 'plugin/dist/bundle/chunks';

/**
 * Chunk names carry content hashes, so a rebuild leaves the previous chunks behind: remove those the
 * new build did not write. Only afterwards, never by clearing the directory first: a plugin started
 * during the build (a parallel test run) must still find the chunks it imports.
 */
async function removeStaleChunks(written) {
  const stale = (await readdir(PLUGIN_CHUNKS)).filter((name) => !written.has(join(PLUGIN_CHUNKS, name)));
  await Promise.all(stale.map((name) => rm(join(PLUGIN_CHUNKS, name), { force: true })));
}

const [plugin] = await Promise.all([
  build({
    ...common,
    entryPoints: { 'kubectl-workload': 'plugin/dist/main.js' },
    outdir: 'plugin/dist/bundle',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  }),
  build({ ...common, entryPoints: ['webhook/dist/main.js'], outfile: 'webhook/dist/bundle/workload-webhook.js' }),
]);
await removeStaleChunks(new Set(Object.keys(plugin.metafile.outputs).map((file) => relative('.', file))));
