// Bundles each CLI into one ESM file so start-up reads one module instead of hundreds
// (the `kubectl-workload --version` budget is 150 ms). The Kubernetes client stays external:
// it is only imported by commands that talk to a cluster.
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

await Promise.all([
  build({ ...common, entryPoints: ['plugin/dist/main.js'], outfile: 'plugin/dist/bundle/kubectl-workload.js' }),
  build({ ...common, entryPoints: ['webhook/dist/main.js'], outfile: 'webhook/dist/bundle/workload-webhook.js' }),
]);
