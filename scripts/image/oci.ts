// OCI image layout (image-spec v1.1) and docker-archive writing: content-addressed blobs, one image
// manifest per platform under one image index. Everything is serialised deterministically, so the
// same inputs give the same digests.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeTar } from './tar.ts';
import type { TarEntry } from './tar.ts';

export const MEDIA = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface Layer {
  name: string;
  descriptor: Descriptor;
  diffId: string;
  uncompressedSize: number;
}

export function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** A blob store: the layout's blobs/sha256 directory. */
export class BlobStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'blobs/sha256'), { recursive: true });
  }

  path(digest: string): string {
    return join(this.dir, 'blobs/sha256', digest.replace(/^sha256:/, ''));
  }

  put(data: Buffer, mediaType: string): Descriptor {
    const digest = sha256(data);
    const path = this.path(digest);
    if (!existsSync(path)) writeFileSync(path, data);
    return { mediaType, digest, size: data.length };
  }

  putJson(value: unknown, mediaType: string): Descriptor {
    return this.put(Buffer.from(JSON.stringify(value)), mediaType);
  }

  read(digest: string): Buffer {
    return readFileSync(this.path(digest));
  }
}

/**
 * gzip is a pure function of its input for a given zlib and level, and by far the slowest step (the
 * node binary); compressed layers are cached by the digest of what they compress.
 */
function gzipCached(tar: Buffer, diffId: string, cacheDir: string): Buffer {
  const key = `${diffId.replace(/^sha256:/, '')}-zlib${process.versions.zlib}-6.gz`;
  const path = join(cacheDir, 'gzip', key);
  if (existsSync(path)) return readFileSync(path);
  const gz = gzipSync(tar, { level: 6 });
  mkdirSync(join(cacheDir, 'gzip'), { recursive: true });
  writeFileSync(`${path}.tmp`, gz);
  renameSync(`${path}.tmp`, path);
  return gz;
}

/** Layer file mtimes: fixed, and the same for every build and commit, so unchanged layers keep their digest. */
export const LAYER_MTIME = 0;

export function putLayer(store: BlobStore, name: string, entries: readonly TarEntry[], cacheDir: string): Layer {
  const tar = writeTar(entries, LAYER_MTIME);
  const diffId = sha256(tar);
  return { name, descriptor: store.put(gzipCached(tar, diffId, cacheDir), MEDIA.layer), diffId, uncompressedSize: tar.length };
}

/** A tar of a directory's blobs and metadata files (sorted, fixed mtime): a docker-archive/oci-archive. */
export function archive(files: ReadonlyArray<{ path: string; data: Buffer }>, mtime: number): Buffer {
  const dirs = new Set<string>();
  for (const { path } of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const entries: TarEntry[] = [
    ...[...dirs].map((path): TarEntry => ({ type: 'dir', path, mode: 0o755, uid: 0, gid: 0 })),
    ...files.map(({ path, data }): TarEntry => ({ type: 'file', path, mode: 0o644, uid: 0, gid: 0, data })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return writeTar(entries, mtime);
}
