// Reads an OCI image layout back: the image index, a platform's manifest and config, and its layers
// applied in order onto a directory (a root filesystem for chroot), whiteouts included.
//
//   node scripts/image/unpack.ts <layout> <linux/amd64|linux/arm64> <rootfs>

import {
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { MEDIA, sha256 } from './oci.ts';
import type { Descriptor } from './oci.ts';
import { readTar } from './tar.ts';

export interface ImageManifest {
  schemaVersion: number;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}
export interface ImageIndex {
  schemaVersion: number;
  mediaType: string;
  manifests: Descriptor[];
}
export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  config: { User?: string; Entrypoint?: string[]; Cmd?: string[]; Env?: string[]; WorkingDir?: string; Labels?: Record<string, string> };
  rootfs: { type: string; diff_ids: string[] };
}

/** A blob of the layout, checked against its digest (a layout is untrusted input like any other). */
export function readBlob(layout: string, descriptor: Descriptor): Buffer {
  const data = readFileSync(join(layout, 'blobs/sha256', descriptor.digest.replace(/^sha256:/, '')));
  if (sha256(data) !== descriptor.digest || data.length !== descriptor.size)
    throw new Error(`${layout}: blob ${descriptor.digest} does not match its descriptor`);
  return data;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the JSON document type they expect
function readJson<T>(layout: string, descriptor: Descriptor): T {
  return JSON.parse(readBlob(layout, descriptor).toString('utf8')) as T;
}

/** The image index index.json points at (the layout's one tagged image). */
export function readImageIndex(layout: string): { descriptor: Descriptor; index: ImageIndex } {
  const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as ImageIndex;
  const [descriptor] = top.manifests;
  if (descriptor?.mediaType !== MEDIA.index) throw new Error(`${layout}/index.json: expected one image index`);
  return { descriptor, index: readJson<ImageIndex>(layout, descriptor) };
}

export function readPlatform(layout: string, platform: string): { manifest: ImageManifest; config: ImageConfig } {
  const [os, architecture] = platform.split('/');
  const { index } = readImageIndex(layout);
  const descriptor = index.manifests.find((m) => m.platform?.os === os && m.platform?.architecture === architecture);
  if (!descriptor) throw new Error(`${layout}: no image for ${platform}`);
  const manifest = readJson<ImageManifest>(layout, descriptor);
  return { manifest, config: readJson<ImageConfig>(layout, manifest.config) };
}

/** A path inside rootfs, refusing entries that climb out of it. */
function inside(rootfs: string, path: string): string {
  const clean = normalize(`/${path}`);
  if (clean.split('/').includes('..')) throw new Error(`layer entry ${path} escapes the root`);
  return join(rootfs, clean);
}

function removeAll(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Applies a platform's layers onto rootfs, as a container runtime does (OCI whiteouts, owners as numeric ids). */
export function unpackImage(layout: string, platform: string, rootfs: string): ImageConfig {
  const { manifest, config } = readPlatform(layout, platform);
  mkdirSync(rootfs, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  manifest.layers.forEach((layer, i) => {
    const tar = gunzipSync(readBlob(layout, layer));
    if (sha256(tar) !== config.rootfs.diff_ids[i])
      throw new Error(`layer ${layer.digest} does not match diff_id ${config.rootfs.diff_ids[i]}`);
    for (const entry of readTar(tar)) {
      const target = inside(rootfs, entry.path);
      const name = basename(entry.path);
      if (name === '.wh..wh..opq') {
        for (const child of readdirSync(dirname(target))) removeAll(join(dirname(target), child));
        continue;
      }
      if (name.startsWith('.wh.')) {
        removeAll(join(dirname(target), name.slice(4)));
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      const existing = lstatSync(target, { throwIfNoEntry: false });
      if (existing && !(existing.isDirectory() && entry.type === 'dir')) removeAll(target);
      if (entry.type === 'dir') mkdirSync(target, { recursive: true });
      else if (entry.type === 'file') writeFileSync(target, entry.data);
      else if (entry.type === 'symlink') symlinkSync(entry.target, target);
      else linkSync(inside(rootfs, entry.target), target);
      if (entry.type === 'dir' || entry.type === 'file') chmodSync(target, entry.mode);
      if (asRoot && entry.type !== 'hardlink') lchownSync(target, entry.uid, entry.gid);
    }
  });
  return config;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [layout, platform, rootfs] = process.argv.slice(2);
  if (!layout || !platform || !rootfs) {
    process.stderr.write('usage: node scripts/image/unpack.ts <oci-layout-dir> <linux/amd64|linux/arm64> <rootfs-dir>\n');
    process.exit(2);
  }
  try {
    const config = unpackImage(layout, platform, rootfs);
    console.log(
      `${rootfs}: ${config.os}/${config.architecture}, entrypoint ${JSON.stringify(config.config.Entrypoint)}, user ${config.config.User}`,
    );
  } catch (err) {
    process.stderr.write(`unpack: error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
