// scripts/image/runtime.lock: the pinned outside inputs of the image (Debian packages, the Node runtime).

import { readFileSync } from 'node:fs';

export interface DebPin {
  kind: 'deb';
  name: string;
  arch: 'amd64' | 'arm64' | 'all';
  version: string;
  sha256: string;
}
export interface NpmPin {
  kind: 'npm';
  name: string;
  version: string;
  integrity: string;
}
export interface RuntimeLock {
  path: string;
  debs: DebPin[];
  npm: NpmPin[];
}

const ARCHES = new Set(['amd64', 'arm64', 'all']);

export function readRuntimeLock(path: string): RuntimeLock {
  const lock: RuntimeLock = { path, debs: [], npm: [] };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const where = `${path}:${index + 1}`;
      const [kind, name, ...rest] = line.split(/\s+/);
      if (kind === 'deb' && rest.length === 3) {
        const [arch, version, sha256] = rest as [string, string, string];
        if (!ARCHES.has(arch)) throw new Error(`${where}: architecture '${arch}' is not one of amd64, arm64, all`);
        if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${where}: '${sha256}' is not a sha256 hex digest`);
        lock.debs.push({ kind, name: name ?? '', arch: arch as DebPin['arch'], version, sha256 });
      } else if (kind === 'npm' && rest.length === 2) {
        const [version, integrity] = rest as [string, string];
        if (!integrity.startsWith('sha512-')) throw new Error(`${where}: integrity '${integrity}' is not sha512-<base64>`);
        lock.npm.push({ kind, name: name ?? '', version, integrity });
      } else {
        throw new Error(`${where}: expected 'deb NAME ARCH VERSION SHA256' or 'npm NAME VERSION INTEGRITY'`);
      }
    });
  return lock;
}
