// `make image`: builds the webhook's container image without a daemon or a registry, for linux/amd64
// and linux/arm64 under one image index:
//   <out>/oci/                                   OCI image layout (skopeo copy --all oci:<out>/oci:<tag> …)
//   <out>/workload-webhook-<tag>-linux-<arch>.tar docker-archive + oci-archive (docker load, kind load image-archive)
//   <out>/contents.json                          what went in: Debian packages, Node, bundled npm packages (for the SBOM)
// Layers, least often changed first: Debian runtime libraries, the Node binary, the webhook bundle.
//
//   node scripts/image/build.ts [--out dist/image] [--image NAME] [--tag TAG] [--platform linux/amd64,linux/arm64] [--cache DIR]

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchDeb, NONROOT, runtimeLayer } from './debian.ts';
import { readRuntimeLock } from './lock.ts';
import type { DebPin } from './lock.ts';
import { fetchNodePackage, NODE_PATH, nodeLayer, nodePin, pinnedNodeVersion } from './node-runtime.ts';
import type { Arch } from './node-runtime.ts';
import { archive, BlobStore, MEDIA, putLayer } from './oci.ts';
import type { Descriptor, Layer } from './oci.ts';
import { APP_PATH, webhookBundle } from './webhook-bundle.ts';
import type { BundledPackage } from './webhook-bundle.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_IMAGE = 'ghcr.io/kubectl-workload/workload-webhook';
export const ARCHES: readonly Arch[] = ['amd64', 'arm64'];

export interface BuildOptions {
  out: string;
  image?: string;
  tag?: string;
  arches?: readonly Arch[];
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface PlatformImage {
  arch: Arch;
  manifest: Descriptor;
  config: Descriptor;
  layers: Layer[];
  debian: Array<{ name: string; version: string; architecture: string; sha256: string }>;
  node: { version: string; package: string; integrity: string };
  archive: string;
}

export interface BuildResult {
  ref: string;
  index: Descriptor;
  layout: string;
  platforms: PlatformImage[];
  npm: BundledPackage[];
  firstParty: BundledPackage[];
  contents: string;
  seconds: Record<string, number>;
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/** The build's date: SOURCE_DATE_EPOCH, else the commit's, so two builds of a commit agree. */
function sourceDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH ?? git(['log', '-1', '--format=%ct']);
  return new Date(Number(epoch || 0) * 1000);
}

function labels(version: string, created: string): Record<string, string> {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license?: string };
  return {
    'org.opencontainers.image.title': 'workload-webhook',
    'org.opencontainers.image.description': 'Admission webhook for Kubernetes workload-aware scheduling (Workload, PodGroup, Pod, Job)',
    'org.opencontainers.image.source': process.env.IMAGE_SOURCE ?? 'https://github.com/kubectl-workload/kubectl-workload',
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.revision': git(['rev-parse', 'HEAD']) || 'unknown',
    'org.opencontainers.image.licenses': root.license ?? 'NOASSERTION',
    'org.opencontainers.image.created': created,
  };
}

function debsFor(pins: readonly DebPin[], arch: Arch): DebPin[] {
  return pins.filter((pin) => pin.arch === arch || pin.arch === 'all');
}

export async function buildImage(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => undefined);
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await work();
    seconds[step] = (seconds[step] ?? 0) + (performance.now() - start) / 1000;
    return value;
  };
  const started = performance.now();
  const out = resolve(options.out);
  const cacheDir = resolve(options.cacheDir ?? join(ROOT, '.cache/image'));
  const image = options.image ?? DEFAULT_IMAGE;
  const version = (JSON.parse(readFileSync(join(ROOT, 'webhook/package.json'), 'utf8')) as { version: string }).version;
  const tag = options.tag ?? version;
  const ref = `${image}:${tag}`;
  const created = sourceDate();
  const createdIso = created.toISOString().replace(/\.000Z$/, 'Z');
  const lock = readRuntimeLock(join(ROOT, 'scripts/image/runtime.lock'));
  const nodeVersion = pinnedNodeVersion(ROOT);

  rmSync(out, { recursive: true, force: true });
  const layout = join(out, 'oci');
  const store = new BlobStore(layout);
  const bundle = await timed('bundle', () => webhookBundle(ROOT));
  const platforms: PlatformImage[] = [];
  for (const arch of options.arches ?? ARCHES) {
    log(`${arch}: Debian runtime`);
    const debPins = debsFor(lock.debs, arch);
    const debs = await timed('download', () => debPins.map((pin) => fetchDeb(pin, cacheDir, lock.path)));
    const runtime = await timed('debian layer', () => putLayer(store, 'debian runtime', runtimeLayer(debs), cacheDir));
    log(`${arch}: node ${nodeVersion}`);
    const pin = nodePin(lock, arch, nodeVersion);
    const tarball = await timed('download', () => fetchNodePackage(pin, cacheDir, lock.path));
    const node = await timed('node layer', () => putLayer(store, `node ${nodeVersion}`, nodeLayer(tarball, pin, arch), cacheDir));
    const app = await timed('webhook layer', () => putLayer(store, `workload-webhook ${version}`, bundle.entries, cacheDir));
    const layers = [runtime, node, app];
    const config = store.putJson(
      {
        created: createdIso,
        architecture: arch,
        os: 'linux',
        ...(arch === 'arm64' ? { variant: 'v8' } : {}),
        config: {
          User: `${NONROOT}:${NONROOT}`,
          Entrypoint: [NODE_PATH, APP_PATH],
          Env: ['PATH=/usr/bin', 'NODE_ENV=production', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
          WorkingDir: '/',
          ExposedPorts: { '8443/tcp': {} },
          Labels: labels(version, createdIso),
        },
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
        history: layers.map((layer) => ({ created: createdIso, created_by: `scripts/image/build.ts: ${layer.name}` })),
      },
      MEDIA.config,
    );
    const manifest = store.putJson(
      { schemaVersion: 2, mediaType: MEDIA.manifest, config, layers: layers.map((layer) => layer.descriptor) },
      MEDIA.manifest,
    );
    const platform = { architecture: arch, os: 'linux', ...(arch === 'arm64' ? { variant: 'v8' } : {}) };
    const archivePath = join(out, `workload-webhook-${tag}-linux-${arch}.tar`);
    await timed('archives', () => writeDockerArchive(store, archivePath, { ...manifest, platform }, config, layers, ref, created));
    platforms.push({
      arch,
      manifest: { ...manifest, platform },
      config,
      layers,
      debian: debPins.map((debPin) => ({ name: debPin.name, version: debPin.version, architecture: debPin.arch, sha256: debPin.sha256 })),
      node: { version: nodeVersion, package: pin.name, integrity: pin.integrity },
      archive: archivePath,
    });
  }
  const index = store.putJson({ schemaVersion: 2, mediaType: MEDIA.index, manifests: platforms.map((p) => p.manifest) }, MEDIA.index);
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(layout, 'index.json'),
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.index, manifests: [refDescriptor(index, ref, tag)] }),
  );
  const contents = join(out, 'contents.json');
  const npm = bundle.packages.filter((p) => p.path.includes('node_modules/'));
  const firstParty = bundle.packages.filter((p) => !p.path.includes('node_modules/'));
  writeFileSync(
    contents,
    JSON.stringify(
      {
        image: ref,
        indexDigest: index.digest,
        created: createdIso,
        labels: labels(version, createdIso),
        platforms: platforms.map((p) => ({
          platform: `linux/${p.arch}`,
          manifestDigest: p.manifest.digest,
          configDigest: p.config.digest,
          layers: p.layers.map((layer) => ({
            name: layer.name,
            digest: layer.descriptor.digest,
            size: layer.descriptor.size,
            diffId: layer.diffId,
            uncompressedSize: layer.uncompressedSize,
          })),
          debian: p.debian,
          node: p.node,
        })),
        npm,
        firstParty,
      },
      null,
      2,
    ) + '\n',
  );
  seconds.total = (performance.now() - started) / 1000;
  return { ref, index, layout, platforms, npm, firstParty, contents, seconds };
}

/** index.json names the tag the way skopeo/containerd read an OCI layout (`oci:<dir>:<tag>`). */
function refDescriptor(target: Descriptor, ref: string, tag: string): Descriptor {
  return { ...target, annotations: { 'org.opencontainers.image.ref.name': tag, 'io.containerd.image.name': ref } };
}

/**
 * One platform as a tar that is both a docker-archive (manifest.json, what `docker load` and
 * `kind load image-archive` read) and an oci-archive (oci-layout + index.json), as `docker save` writes since Docker 25.
 */
function writeDockerArchive(
  store: BlobStore,
  path: string,
  manifest: Descriptor,
  config: Descriptor,
  layers: readonly Layer[],
  ref: string,
  created: Date,
): void {
  const tag = ref.slice(ref.lastIndexOf(':') + 1);
  const blob = (digest: string) => ({ path: `blobs/sha256/${digest.replace(/^sha256:/, '')}`, data: store.read(digest) });
  const files = [
    blob(manifest.digest),
    blob(config.digest),
    ...layers.map((layer) => blob(layer.descriptor.digest)),
    {
      path: 'manifest.json',
      data: Buffer.from(
        JSON.stringify([
          { Config: blob(config.digest).path, RepoTags: [ref], Layers: layers.map((layer) => blob(layer.descriptor.digest).path) },
        ]),
      ),
    },
    { path: 'oci-layout', data: Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' })) },
    {
      path: 'index.json',
      data: Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.index, manifests: [refDescriptor(manifest, ref, tag)] })),
    },
  ];
  writeFileSync(path, archive(files, Math.floor(created.getTime() / 1000)));
}

function parsePlatforms(value: string): Arch[] {
  return value.split(',').map((platform) => {
    const arch = platform.trim().replace(/^linux\//, '');
    if (!ARCHES.includes(arch as Arch)) throw new Error(`--platform ${platform}: not one of ${ARCHES.map((a) => `linux/${a}`).join(', ')}`);
    return arch as Arch;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(ROOT, 'dist/image') },
      image: { type: 'string', default: DEFAULT_IMAGE },
      tag: { type: 'string' },
      platform: { type: 'string', default: ARCHES.map((a) => `linux/${a}`).join(',') },
      cache: { type: 'string' },
    },
  });
  const result = await buildImage({
    out: values.out,
    image: values.image,
    ...(values.tag ? { tag: values.tag } : {}),
    arches: parsePlatforms(values.platform),
    ...(values.cache ? { cacheDir: values.cache } : {}),
    log: (line) => process.stderr.write(`image: ${line}\n`),
  });
  console.log(`${result.ref}  ${result.index.digest}`);
  for (const platform of result.platforms) {
    console.log(`  linux/${platform.arch}  ${platform.manifest.digest}  ${platform.archive}`);
  }
  console.log(`  oci layout: ${result.layout}\n  contents:   ${result.contents}`);
  console.log(`  built in ${result.seconds.total?.toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`image: error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
