// The npm package: one self-contained package, `kubectl-workload`, with the bundle inside and no
// dependencies. Why not publish the workspace packages: they are internal modules (no stable API),
// would have to be versioned and published in lockstep, and `npm i -g` would then resolve ~100
// transitive packages; the bundle is what runs anyway, so the package is the bundle plus its bins.
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleEsm } from './standalone-bundle.mjs';

const plugin = JSON.parse(await readFile('plugin/package.json', 'utf8'));

/** The published manifest: the plugin's bins and engines, no dependencies (they are in the bundle). */
function manifest() {
  return {
    name: 'kubectl-workload',
    version: plugin.version,
    description: 'kubectl plugin for Kubernetes workload-aware scheduling: lint, explain, diff and simulate Workload/PodGroup manifests',
    keywords: ['kubectl', 'kubectl-plugin', 'kubernetes', 'gang-scheduling', 'podgroup', 'workload', 'lint'],
    license: 'Apache-2.0',
    type: 'module',
    bin: plugin.bin,
    engines: plugin.engines,
    files: ['bin/', 'dist/', 'LICENSE', 'README.md'],
  };
}

const README = `# kubectl-workload

A kubectl plugin for Kubernetes workload-aware scheduling (Workload, PodGroup, gang scheduling):
\`lint\`, \`explain\`, \`diff\`, \`simulate\`, \`status\`, \`convert\`. Needs Node.js 24 or newer.

    npm install -g kubectl-workload
    kubectl workload lint deploy/
    kubectl workload --help

Installs \`kubectl-workload\` and \`kubectl_complete-workload\` (shell completion through kubectl) on PATH.
The plugin only reads from a cluster; it never writes.
`;

/** Stages the package under `dir`/package and packs it into `dir`; returns the tarball's path. */
export async function buildNpmPackage(dir) {
  const stage = join(dir, 'package');
  await rm(stage, { recursive: true, force: true });
  await mkdir(join(stage, 'bin'), { recursive: true });
  await bundleEsm(join(stage, 'dist/bundle'));
  await Promise.all([
    ...Object.values(plugin.bin).map((bin) => cp(join('plugin', bin), join(stage, bin))),
    copyFile('LICENSE', join(stage, 'LICENSE')),
    writeFile(join(stage, 'README.md'), README),
    writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest(), null, 2)}\n`),
  ]);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, resolve(stage)], { encoding: 'utf8' }));
  return join(dir, packed.filename);
}
