// `make sbom`: the CycloneDX 1.6 SBOM of the webhook image, from the contents.json that `make image`
// writes beside it: every Debian package (per architecture, with the .deb's sha256), the Node
// runtime, and every npm package bundled into the webhook. Validated against the CycloneDX schema
// before it is written, so a release never attaches an SBOM that tools reject.
//
//   node scripts/release/sbom.ts [--contents dist/image/contents.json] [--out dist/image/sbom.cdx.json]

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { isSpdxId, SPEC_VERSION, validateBom } from './cyclonedx.ts';

/** The parts of `make image`'s contents.json the SBOM reads. */
export interface ImageContents {
  image: string;
  indexDigest: string;
  created: string;
  labels?: Record<string, string>;
  platforms: Array<{
    platform: string;
    manifestDigest: string;
    debian: Array<{ name: string; version: string; architecture: string; sha256: string }>;
    node: { version: string; package: string; integrity: string };
  }>;
  npm: Array<{ name: string; version: string; license: string }>;
  firstParty: Array<{ name: string; version: string; license: string }>;
}

type Json = Record<string, unknown>;

const DEBIAN_DISTRO = 'debian-12';
const IMAGE_REF = 'image';

/** purl-spec percent-encoding of one segment (its "@" of an npm scope included). */
function purlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function npmPurl(name: string, version: string): string {
  const [scope, bare] = name.startsWith('@') ? name.split('/', 2) : [undefined, name];
  return `pkg:npm/${scope ? `${purlSegment(scope)}/` : ''}${purlSegment(bare)}@${purlSegment(version)}`;
}

export function debPurl(name: string, version: string, architecture: string): string {
  return `pkg:deb/debian/${purlSegment(name)}@${purlSegment(version)}?arch=${architecture}&distro=${DEBIAN_DISTRO}`;
}

/** The CycloneDX licenses of an npm package.json "license": an SPDX id, an expression, or a name. */
function licenses(license: string): Json[] | undefined {
  if (!license || license === 'NOASSERTION' || license === 'UNLICENSED') return undefined;
  if (isSpdxId(license)) return [{ license: { id: license } }];
  if (/\s(OR|AND|WITH)\s/.test(license)) return [{ expression: license.replace(/^\((.*)\)$/, '$1') }];
  return [{ license: { name: license } }];
}

/** An npm integrity string (sha512-<base64>) as a CycloneDX hash. */
function integrityHash(integrity: string): Json {
  const [alg, base64] = integrity.split('-', 2);
  if (alg !== 'sha512' || !base64) throw new Error(`unsupported integrity ${integrity} (expected sha512-…)`);
  return { alg: 'SHA-512', content: Buffer.from(base64, 'base64').toString('hex') };
}

function npmComponent(pkg: { name: string; version: string; license: string }): Json {
  const purl = npmPurl(pkg.name, pkg.version);
  const [group, name] = pkg.name.startsWith('@') ? pkg.name.split('/', 2) : [undefined, pkg.name];
  return {
    type: 'library',
    'bom-ref': purl,
    ...(group ? { group } : {}),
    name,
    version: pkg.version,
    purl,
    ...(licenses(pkg.license) ? { licenses: licenses(pkg.license) } : {}),
  };
}

/** A stable urn:uuid from the image's index digest: the same image always gets the same serial number. */
function serialNumber(indexDigest: string): string {
  const hex = createHash('sha256').update(indexDigest).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function splitImageRef(ref: string): { repository: string; tag: string } {
  const at = ref.lastIndexOf(':');
  return at > ref.lastIndexOf('/') ? { repository: ref.slice(0, at), tag: ref.slice(at + 1) } : { repository: ref, tag: 'latest' };
}

export function imageSbom(contents: ImageContents): Json {
  const { repository, tag } = splitImageRef(contents.image);
  const components = new Map<string, Json>();
  const add = (component: Json, platform?: string): void => {
    const ref = component['bom-ref'] as string;
    const existing = components.get(ref);
    const platforms = [
      ...((existing?.properties as Json[] | undefined) ?? []),
      ...(platform ? [{ name: 'oci:platform', value: platform }] : []),
    ];
    components.set(ref, { ...component, ...(platforms.length ? { properties: platforms } : {}) });
  };
  for (const p of contents.platforms) {
    for (const deb of p.debian) {
      const purl = debPurl(deb.name, deb.version, deb.architecture);
      add(
        {
          type: 'library',
          'bom-ref': purl,
          supplier: { name: 'Debian' },
          name: deb.name,
          version: deb.version,
          purl,
          hashes: [{ alg: 'SHA-256', content: deb.sha256 }],
        },
        p.platform,
      );
    }
    const nodePurl = npmPurl(p.node.package, p.node.version);
    add(
      {
        type: 'platform',
        'bom-ref': nodePurl,
        name: 'node',
        version: p.node.version,
        description: `Node.js runtime, from the npm package ${p.node.package}`,
        purl: nodePurl,
        hashes: [integrityHash(p.node.integrity)],
        licenses: [{ license: { id: 'MIT' } }],
      },
      p.platform,
    );
  }
  for (const pkg of [...contents.npm, ...contents.firstParty]) add(npmComponent(pkg));
  const refs = [...components.keys()];
  return {
    bomFormat: 'CycloneDX',
    specVersion: SPEC_VERSION,
    serialNumber: serialNumber(contents.indexDigest),
    version: 1,
    metadata: {
      timestamp: contents.created,
      tools: { components: [{ type: 'application', name: 'scripts/release/sbom.ts' }] },
      component: {
        type: 'container',
        'bom-ref': IMAGE_REF,
        name: repository,
        version: tag,
        purl: `pkg:oci/${purlSegment(repository.split('/').pop() as string)}@${purlSegment(contents.indexDigest)}?repository_url=${purlSegment(repository)}&tag=${purlSegment(tag)}`,
        hashes: [{ alg: 'SHA-256', content: contents.indexDigest.replace(/^sha256:/, '') }],
        properties: Object.entries(contents.labels ?? {}).map(([name, value]) => ({ name, value })),
      },
    },
    components: [...components.values()],
    dependencies: [{ ref: IMAGE_REF, dependsOn: refs }, ...refs.map((ref) => ({ ref }))],
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      contents: { type: 'string', default: 'dist/image/contents.json' },
      out: { type: 'string', default: 'dist/image/sbom.cdx.json' },
    },
  });
  const file = values.contents;
  let contents: ImageContents;
  try {
    contents = JSON.parse(readFileSync(file, 'utf8')) as ImageContents;
  } catch (err) {
    throw new Error(`${file}: cannot read the image contents (run make image first): ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  const bom = imageSbom(contents);
  const problems = validateBom(bom);
  if (problems.length) throw new Error(`the SBOM for ${file} breaks the CycloneDX ${SPEC_VERSION} schema:\n  ${problems.join('\n  ')}`);
  writeFileSync(values.out, `${JSON.stringify(bom, null, 2)}\n`);
  process.stdout.write(
    `wrote ${values.out}: CycloneDX ${SPEC_VERSION}, ${(bom.components as Json[]).length} components of ${contents.image}@${contents.indexDigest}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`sbom: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
