#!/usr/bin/env node
// `make dist`: what ships outside the repo.
//   node scripts/release/build.mjs [npm] [sea] [action] [--out DIR] [--manifest FILE]
//   npm: DIR/npm/kubectl-workload-VERSION.tgz, the package for `npm install -g`
//   sea: single-file binaries in krew archives DIR/kubectl-workload_vVERSION_OS_ARCH.{tar.gz,zip},
//        DIR/checksums.txt and the krew manifest FILE (plugins/workload.yaml)
//   action: the GitHub Action's bundle, action/dist/ (what action.yml runs)
// Needs `npm run build` first. Prints each file it wrote, one a line.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAction } from './action-bundle.mjs';
import { archiveName, writeArchive, writeChecksums } from './archives.mjs';
import { krewManifest } from './krew-manifest.mjs';
import { buildNpmPackage } from './npm-package.mjs';
import { buildSeaBinaries } from './sea.mjs';

const { values, positionals } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, manifest: { type: 'string', default: 'plugins/workload.yaml' } },
  allowPositionals: true,
});
const ALL = ['npm', 'sea', 'action'];
const wanted = positionals.length ? positionals : ALL;
const unknown = wanted.filter((target) => !ALL.includes(target));
if (unknown.length) {
  process.stderr.write(`dist: unknown target(s) ${unknown.join(', ')} (known: ${ALL.join(', ')})\n`);
  process.exit(2);
}
const { version } = JSON.parse(await readFile('plugin/package.json', 'utf8'));
await mkdir(values.out, { recursive: true });
const written = [];
if (wanted.includes('npm')) written.push(await buildNpmPackage(join(values.out, 'npm')));
if (wanted.includes('sea')) {
  const archives = [];
  for (const built of await buildSeaBinaries(join(values.out, 'sea'))) {
    // Compressing ~100 MB takes seconds: archives are cached beside the binary they hold.
    const cached = join(built.cacheDir, archiveName(version, built));
    if (!existsSync(cached)) {
      const partial = await mkdtemp(join(built.cacheDir, 'partial-'));
      await rename(await writeArchive(partial, version, built, join(built.cacheDir, built.exe)), cached); // atomic for parallel runs
      await rm(partial, { recursive: true });
    }
    const file = join(values.out, archiveName(version, built));
    await copyFile(cached, file);
    archives.push({ target: built, file });
  }
  written.push(
    ...archives.map((a) => a.file),
    await writeChecksums(
      values.out,
      archives.map((a) => a.file),
    ),
  );
  await mkdir(dirname(values.manifest), { recursive: true });
  await writeFile(values.manifest, await krewManifest(version, archives));
  written.push(values.manifest);
}
if (wanted.includes('action')) written.push(await buildAction());
console.log(written.join('\n'));
