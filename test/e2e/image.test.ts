// `make image` end to end: builds the multi-arch image twice (same digest), reads it back with our
// own unpacker, and runs the amd64 webhook from the unpacked root filesystem under
// `chroot --userspec=65532:65532` over HTTPS. The arm64 image is checked by its manifest, config and
// the ELF header of its node binary. Needs root (apt-get for the pinned packages, chroot); CI runs
// as root. The build's downloads are cached in .cache/image, so only the first run fetches them.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import type { PodGroup, Workload } from '@kubectl-workload/api';
import { selfSignedKeyPair } from '@kubectl-workload/webhook';
import type { AdmissionReview } from '@kubectl-workload/webhook';
import { HttpsClient } from '../../webhook/src/test-support/https-client.js';
import { startWebhookProcess } from '../../webhook/src/test-support/process.js';
import type { WebhookProcess } from '../../webhook/src/test-support/process.js';
import { patchOf, reviewFor } from '../../webhook/src/test-support/reviews.js';
import { buildImage, ROOT } from '../../scripts/image/build.ts';
import type { BuildResult } from '../../scripts/image/build.ts';
import { MEDIA } from '../../scripts/image/oci.ts';
import { readTar } from '../../scripts/image/tar.ts';
import { readBlob, readImageIndex, readPlatform, unpackImage } from '../../scripts/image/unpack.ts';
import type { ImageConfig } from '../../scripts/image/unpack.ts';

const chroot = spawnSync('sh', ['-c', 'command -v chroot'], { encoding: 'utf8' }).stdout.trim();
const root = process.getuid?.() === 0;
const runnable = root && chroot !== '';
if (!runnable) {
  process.stderr.write(
    `test/e2e/image.test.ts skipped: ${root ? 'no chroot binary' : 'not running as root'} (building the image needs apt-get, running it needs chroot; CI runs as root)\n`,
  );
}
const describeImage = runnable ? describe : describe.skip;

const BUILD_TIMEOUT = 10 * 60_000;
/** Tests that read whole archives or gunzip every layer (about 150 MB). */
const READ_TIMEOUT = 2 * 60_000;
const work = mkdtempSync(join(tmpdir(), 'image-test-'));
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  if (!runnable) return;
  first = await buildImage({ out: join(work, 'a') });
  second = await buildImage({ out: join(work, 'b') });
}, BUILD_TIMEOUT);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The files of a platform's image, path → content (later layers win, as when unpacking). */
function filesOf(layout: string, platform: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const layer of readPlatform(layout, platform).manifest.layers) {
    for (const entry of readTar(gunzipSync(readBlob(layout, layer)))) if (entry.type === 'file') files.set(entry.path, entry.data);
  }
  return files;
}

interface ElfFacts {
  elfClass: number;
  endian: number;
  machine: number;
  sections: string[];
}

/** The ELF identification, machine and section names of a 64-bit little-endian binary. */
function elf(binary: Buffer): ElfFacts {
  const shoff = Number(binary.readBigUInt64LE(0x28));
  const shentsize = binary.readUInt16LE(0x3a);
  const shnum = binary.readUInt16LE(0x3c);
  const shstrndx = binary.readUInt16LE(0x3e);
  const section = (i: number) => binary.subarray(shoff + i * shentsize, shoff + (i + 1) * shentsize);
  const strtabOffset = Number(section(shstrndx).readBigUInt64LE(0x18));
  const sections = Array.from({ length: shnum }, (_, i) => {
    const start = strtabOffset + section(i).readUInt32LE(0);
    return binary.subarray(start, binary.indexOf(0, start)).toString('latin1');
  });
  return { elfClass: binary[4] ?? 0, endian: binary[5] ?? 0, machine: binary.readUInt16LE(18), sections };
}

const EM_X86_64 = 62;
const EM_AARCH64 = 183;

describeImage('make image', () => {
  it(
    'is reproducible: a second build gives the same index digest and byte-identical archives',
    () => {
      expect(second.index.digest).toBe(first.index.digest);
      // Digests, not toEqual: jest compares Buffers element by element.
      const digestOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
      expect(second.platforms.map((p) => digestOf(p.archive))).toEqual(first.platforms.map((p) => digestOf(p.archive)));
    },
    READ_TIMEOUT,
  );

  it('writes one image index for linux/amd64 and linux/arm64, three layers each, least often changed first', () => {
    const { descriptor, index } = readImageIndex(first.layout);
    expect(descriptor).toMatchObject({ digest: first.index.digest, annotations: { 'org.opencontainers.image.ref.name': '0.1.0' } });
    expect(JSON.parse(readFileSync(join(first.layout, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' });
    expect(index.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const { manifest, config } = readPlatform(first.layout, platform);
      expect(manifest.mediaType).toBe(MEDIA.manifest);
      expect(manifest.layers.map((l) => l.mediaType)).toEqual([MEDIA.layer, MEDIA.layer, MEDIA.layer]);
      expect((config as ImageConfig & { history: Array<{ created_by: string }> }).history.map((h) => h.created_by)).toEqual([
        'scripts/image/build.ts: debian runtime',
        'scripts/image/build.ts: node 24.21.0',
        'scripts/image/build.ts: workload-webhook 0.1.0',
      ]);
    }
    // The webhook layer is the same blob on both platforms: a webhook change ships one small layer.
    const [amd64, arm64] = first.platforms;
    expect(amd64?.layers[2]?.descriptor.digest).toBe(arm64?.layers[2]?.descriptor.digest);
  });

  it('runs as 65532 from /, with the webhook as ENTRYPOINT and the OCI labels', () => {
    const { config } = readPlatform(first.layout, 'linux/amd64');
    const revision = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    expect(config).toMatchObject({ architecture: 'amd64', os: 'linux' });
    expect(config.config).toMatchObject({
      User: '65532:65532',
      WorkingDir: '/',
      Entrypoint: ['/usr/bin/node', '/app/workload-webhook.mjs'],
    });
    expect(config.config.Labels).toMatchObject({
      'org.opencontainers.image.source': expect.stringMatching(/^https:\/\//),
      'org.opencontainers.image.version': '0.1.0',
      'org.opencontainers.image.revision': revision,
      'org.opencontainers.image.licenses': expect.any(String),
    });
  });

  it(
    'is a docker-archive of the ref the kustomize Deployment names',
    () => {
      const deployment = parse(readFileSync(join(ROOT, 'manifests/base/deployment.yaml'), 'utf8')) as {
        spec: { template: { spec: { containers: Array<{ image: string }> } } };
      };
      expect(deployment.spec.template.spec.containers[0]?.image).toBe(first.ref);
      for (const platform of first.platforms) {
        const files = new Map(
          readTar(readFileSync(platform.archive))
            .filter((e) => e.type === 'file')
            .map((e) => [e.path, e.type === 'file' ? e.data : Buffer.alloc(0)]),
        );
        const [entry] = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '[]') as Array<{
          Config: string;
          RepoTags: string[];
          Layers: string[];
        }>;
        expect(entry?.RepoTags).toEqual([first.ref]);
        expect(entry?.Config).toBe(`blobs/sha256/${platform.config.digest.slice(7)}`);
        expect(entry?.Layers).toEqual(platform.layers.map((l) => `blobs/sha256/${l.descriptor.digest.slice(7)}`));
        for (const path of [entry?.Config ?? '', ...(entry?.Layers ?? [])]) expect(files.has(path)).toBe(true);
      }
    },
    READ_TIMEOUT,
  );

  it('lists what went in for the SBOM: Debian packages, the Node runtime and every bundled npm package', () => {
    const contents = JSON.parse(readFileSync(first.contents, 'utf8')) as {
      indexDigest: string;
      platforms: Array<{ debian: Array<{ name: string }>; node: { version: string } }>;
      npm: Array<{ name: string; version: string }>;
    };
    expect(contents.indexDigest).toBe(first.index.digest);
    expect(contents.platforms[0]?.debian.map((d) => d.name).sort()).toEqual([
      'ca-certificates',
      'libc6',
      'libgcc-s1',
      'libstdc++6',
      'tzdata',
    ]);
    expect(contents.platforms[0]?.node.version).toBe('24.21.0');
    const client = contents.npm.find((p) => p.name === '@kubernetes/client-node');
    expect(client?.version).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'node_modules/@kubernetes/client-node/package.json'), 'utf8')) as { version: string }).version,
    );
    expect(contents.npm.map((p) => p.name)).toEqual(expect.arrayContaining(['express', 'pino', 'yargs', 'yaml', 'prom-client']));
  });

  it(
    'builds the arm64 image with an AArch64 node binary, stripped',
    () => {
      const { manifest, config } = readPlatform(first.layout, 'linux/arm64');
      expect(config).toMatchObject({ architecture: 'arm64', os: 'linux', variant: 'v8' });
      expect(manifest.layers).toHaveLength(3);
      const files = filesOf(first.layout, 'linux/arm64');
      const arm64 = elf(files.get('usr/bin/node') ?? Buffer.alloc(64));
      expect(arm64).toMatchObject({ elfClass: 2, endian: 1, machine: EM_AARCH64 });
      expect(arm64.sections).toContain('.text');
      expect(arm64.sections).not.toContain('.symtab');
      expect(arm64.sections).not.toContain('.debug_info');
      // Its dynamic loader and the libraries it needs are the arm64 ones.
      expect(elf(files.get('lib/aarch64-linux-gnu/ld-linux-aarch64.so.1') ?? Buffer.alloc(64)).machine).toBe(EM_AARCH64);
      expect(elf(files.get('usr/lib/aarch64-linux-gnu/libstdc++.so.6.0.30') ?? Buffer.alloc(64)).machine).toBe(EM_AARCH64);
      expect(elf(filesOf(first.layout, 'linux/amd64').get('usr/bin/node') ?? Buffer.alloc(64)).machine).toBe(EM_X86_64);
    },
    READ_TIMEOUT,
  );
});

describeImage('the amd64 image under chroot --userspec=65532:65532', () => {
  let rootfs: string;
  let running: WebhookProcess;
  let client: HttpsClient;

  beforeAll(async () => {
    rootfs = join(work, 'rootfs');
    const config = unpackImage(first.layout, 'linux/amd64', rootfs);
    const pair = await selfSignedKeyPair();
    writeFileSync(join(rootfs, 'tmp/tls.crt'), pair.cert);
    writeFileSync(join(rootfs, 'tmp/tls.key'), pair.key, { mode: 0o644 });
    copyFileSync(join(ROOT, 'test/fixtures/webhook/snapshot.yaml'), join(rootfs, 'tmp/snapshot.yaml'));
    // The image's entrypoint and environment only, as a container runtime would run it.
    const env = Object.fromEntries((config.config.Env ?? []).map((e) => e.split('=', 2)));
    running = startWebhookProcess(
      chroot,
      [
        '--userspec=65532:65532',
        rootfs,
        ...(config.config.Entrypoint ?? []),
        '--port',
        '0',
        '--bind-address',
        '127.0.0.1',
        '--tls-cert-file',
        '/tmp/tls.crt',
        '--tls-private-key-file',
        '/tmp/tls.key',
        '--snapshot',
        '/tmp/snapshot.yaml',
      ],
      { env },
    );
    const port = await running.serving;
    client = new HttpsClient(`https://127.0.0.1:${port}`, pair.cert);
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    client?.agent.destroy();
    await running?.stop();
  });

  it('has no shell, no package manager and no node_modules: node is the one program', () => {
    const names: string[] = [];
    const programs: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        names.push(entry.name);
        if (entry.isDirectory()) walk(path);
        // Executable files other than shared libraries (ld.so and libc.so.6 carry the x bit too).
        else if (entry.isFile() && (statSync(path).mode & 0o111) !== 0 && !/\.so(\.\d+)*$/.test(entry.name))
          programs.push(path.slice(rootfs.length));
      }
    };
    walk(rootfs);
    expect(programs).toEqual(['/usr/bin/node']);
    for (const tool of ['sh', 'bash', 'dash', 'busybox', 'apt', 'apt-get', 'node_modules', 'npm']) expect(names).not.toContain(tool);
    expect(existsSync(join(rootfs, 'bin'))).toBe(false);
    expect(readFileSync(join(rootfs, 'etc/passwd'), 'utf8')).toContain('nonroot:x:65532:65532:');
  });

  it('serves as uid 65532', () => {
    const status = readFileSync(`/proc/${running.child.pid}/status`, 'utf8');
    expect(status).toMatch(/^Uid:\s+65532\s+65532\s+65532\s+65532$/m);
    expect(status).toMatch(/^Gid:\s+65532\s+65532\s+65532\s+65532$/m);
  });

  it('answers /healthz and /readyz over HTTPS', async () => {
    await expect(client.send('GET', '/healthz')).resolves.toMatchObject({ status: 200, text: 'ok' });
    await expect(client.send('GET', '/readyz')).resolves.toMatchObject({ status: 200, text: 'ok' });
  });

  it('denies an invalid Workload on /validate with 422 (WL-04)', async () => {
    const workload: Workload = {
      apiVersion: 'scheduling.k8s.io/v1alpha2',
      kind: 'Workload',
      metadata: { name: 'empty', namespace: 'ml' },
      spec: {},
    };
    const { status, json } = await client.post<AdmissionReview>('/validate', reviewFor(workload, { uid: 'image-1' }));
    expect(status).toBe(200);
    expect(json.response).toMatchObject({
      uid: 'image-1',
      allowed: false,
      status: {
        code: 422,
        reason: 'Invalid',
        message: 'Workload.scheduling.k8s.io "empty" is invalid: spec.podGroupTemplates: Required value',
      },
    });
  });

  it('fills a PodGroup from its Workload template on /mutate, reading the --snapshot', async () => {
    const podGroup = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/webhook/podgroup-from-template.json'), 'utf8')) as PodGroup;
    const { status, json } = await client.post<AdmissionReview>('/mutate', reviewFor(podGroup, { uid: 'image-2' }));
    expect(status).toBe(200);
    expect(json.response).toMatchObject({ uid: 'image-2', allowed: true, patchType: 'JSONPatch' });
    expect(patchOf(json).map((op) => op.path)).toContain('/spec/schedulingPolicy');
  });
});
