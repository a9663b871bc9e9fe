// The GitHub Action's files (action.yml runs action/dist/main.cjs on the runner's Node 24): its
// entry point and, beside it, the plugin's CommonJS bundle that the entry point runs.
import { build } from 'esbuild';
import { join } from 'node:path';
import { bundleCjs } from './standalone-bundle.mjs';

export async function buildAction(outDir = 'action/dist') {
  const main = join(outDir, 'main.cjs');
  await Promise.all([
    build({
      entryPoints: ['action/src/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      outfile: main,
      logLevel: 'warning',
    }),
    bundleCjs(join(outDir, 'kubectl-workload.cjs')),
  ]);
  return main;
}
