// The plugin bundled with every dependency inside (the Kubernetes client too), for what ships
// outside the repo: the npm package (ESM, split so start-up parses only the command it runs) and
// the single-executable binaries (one CommonJS file: Node's SEA runs a single CommonJS script).
import { build } from 'esbuild';

const ENTRY = 'plugin/dist/main.js';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  logLevel: 'warning',
  legalComments: 'eof',
  minify: true,
};

/** ESM with lazy chunks, into `outdir`/kubectl-workload.js. */
export async function bundleEsm(outdir) {
  await build({
    ...common,
    entryPoints: { 'kubectl-workload': ENTRY },
    format: 'esm',
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

/** One CommonJS file. ESM dependencies read `import.meta.url` (yargs): point it at this file. */
export async function bundleCjs(outfile) {
  await build({
    ...common,
    entryPoints: [ENTRY],
    format: 'cjs',
    outfile,
    define: { 'import.meta.url': '__kw_import_meta_url' },
    banner: { js: "const __kw_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  });
}
