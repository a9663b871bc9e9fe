// `make dist`'s single-executable archives and krew manifest: the manifest passes krew's rules and
// names the archives' real sha256, checksums.txt verifies, each archive holds the executable, the
// completion helper and LICENSE, and the linux/amd64 binary, unpacked onto a PATH without Node,
// works through real kubectl. The binaries are cached by bundle hash (node_modules/.cache), so only
// the first run after a source change injects them.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { run } from '@kubectl-workload/test';
import { describeKubectlChecks, isolatedPath, ROOT } from './installed-plugin-checks.js';
import { krewProblems } from './krew-manifest-rules.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'plugin/package.json'), 'utf8')) as { version: string }).version;
const archive = (os: string, arch: string, ext: string) => `kubectl-workload_v${VERSION}_${os}_${arch}.${ext}`;
let out: string;
let manifest: string;
let unpacked: string;

/** File names in a zip's central directory. */
function zipNames(file: string): string[] {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: string[] = [];
  for (let at = zip.readUInt32LE(end + 16), n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + length));
    at += 46 + length + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kw-dist-'));
  manifest = join(out, 'plugins/workload.yaml');
  const built = await run(
    process.execPath,
    [join(ROOT, 'scripts/release/build.mjs'), 'sea', '--out', out, '--manifest', manifest],
    {},
    900_000,
  );
  expect(built.code).toBe(0);
  expect(built.stdout.trim().split('\n')).toEqual([
    join(out, archive('linux', 'amd64', 'tar.gz')),
    join(out, archive('linux', 'arm64', 'tar.gz')),
    join(out, archive('windows', 'amd64', 'zip')),
    join(out, 'checksums.txt'),
    manifest,
  ]);
  unpacked = join(out, 'unpacked');
  mkdirSync(unpacked);
  expect(spawnSync('tar', ['-xzf', join(out, archive('linux', 'amd64', 'tar.gz')), '-C', unpacked]).status).toBe(0);
}, 900_000);

describe('release archives', () => {
  it('checksums.txt verifies every archive with sha256sum -c', () => {
    const check = spawnSync('sha256sum', ['-c', 'checksums.txt'], { cwd: out, encoding: 'utf8' });
    expect(check.stdout.trim().split('\n')).toEqual(
      ['linux_amd64.tar.gz', 'linux_arm64.tar.gz', 'windows_amd64.zip'].map((s) => `kubectl-workload_v${VERSION}_${s}: OK`),
    );
    expect(check.status).toBe(0);
  });

  it('each archive holds the executable, the completion helper and LICENSE at its root', () => {
    for (const arch of ['amd64', 'arm64']) {
      const listing = spawnSync('tar', ['-tzvf', join(out, archive('linux', arch, 'tar.gz'))], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n');
      expect(listing.map((line) => `${line.split(/\s+/)[0]} ${line.split(/\s+/).at(-1)}`)).toEqual([
        '-rw-r--r-- LICENSE',
        '-rwxr-xr-x kubectl-workload',
        '-rwxr-xr-x kubectl_complete-workload',
      ]);
    }
    expect(zipNames(join(out, archive('windows', 'amd64', 'zip')))).toEqual([
      'LICENSE',
      'kubectl-workload.exe',
      'kubectl_complete-workload.cmd',
    ]);
    expect(readFileSync(join(unpacked, 'LICENSE'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('the binaries are built for their platform (ELF x86-64, ELF aarch64, PE32+ x86-64)', () => {
    const machine = (file: string) => readFileSync(file).subarray(0, 0x200);
    const amd64 = machine(join(out, 'sea/linux-amd64/kubectl-workload'));
    const arm64 = machine(join(out, 'sea/linux-arm64/kubectl-workload'));
    expect([amd64.toString('latin1', 1, 4), amd64.readUInt16LE(18)]).toEqual(['ELF', 0x3e]);
    expect([arm64.toString('latin1', 1, 4), arm64.readUInt16LE(18)]).toEqual(['ELF', 0xb7]);
    const exe = machine(join(out, 'sea/windows-amd64/kubectl-workload.exe'));
    const pe = exe.readUInt32LE(0x3c);
    expect([exe.toString('latin1', 0, 2), exe.toString('latin1', pe, pe + 4), exe.readUInt16LE(pe + 4)]).toEqual(['MZ', 'PE\0\0', 0x8664]);
  });
});

describe('plugins/workload.yaml', () => {
  it("passes krew's manifest rules, with the sha256 of each archive", () => {
    expect(krewProblems(manifest, out)).toEqual([]);
  });

  it('the rules catch a wrong name, a version without v, a foreign selector key and a stale sha256', () => {
    const text = readFileSync(manifest, 'utf8');
    const broken = text
      .replace('name: workload', 'name: workloads')
      .replace(`version: v${VERSION}`, `version: ${VERSION}`)
      .replace('os: windows', 'os: windows\n          libc: msvc')
      .replace(/sha256: [a-f0-9]{64}/, `sha256: ${'f'.repeat(64)}`);
    writeFileSync(join(out, 'broken.yaml'), broken);
    expect(krewProblems(join(out, 'broken.yaml'), out)).toEqual([
      'plugin should be named broken, not workloads',
      `version ${VERSION} is not semver with a leading v`,
      expect.stringMatching(
        new RegExp(
          `^platforms\\[0\\]: sha256 f{64} does not match ${archive('linux', 'amd64', 'tar.gz').replaceAll('.', '\\.')} \\([a-f0-9]{64}\\)$`,
        ),
      ),
      'platforms[2]: selector key libc not supported',
    ]);
  });
});

describeKubectlChecks('the linux/amd64 single-file binary through kubectl (no Node on PATH)', () => ({
  binDir: unpacked,
  path: isolatedPath(unpacked),
}));
