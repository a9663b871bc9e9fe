// Layer 1: the runtime libraries Node links against, the CA bundle and time zones, taken from the
// pinned Debian packages (apt-get download + dpkg-deb -x), plus the few files a non-root, shell-less
// image needs (passwd/group for uid 65532, os-release and dpkg status for scanners, /tmp).

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptUpdate, isRoot, run } from './exec.ts';
import type { DebPin } from './lock.ts';
import type { TarEntry } from './tar.ts';

export const NONROOT = 65532;

/** What the image keeps of each package: no docs but the copyright files, no manuals, no tools. */
const DROPPED: readonly RegExp[] = [
  /^usr\/share\/doc\/[^/]+\/(?!copyright$)/, // changelogs, READMEs, examples; copyright (the licence) stays
  /^usr\/share\/(man|info|lintian|locale|gdb|gcc|bug)(\/|$)/,
  /^usr\/lib\/[^/]+\/gconv(\/|$)/, // iconv modules: Node converts text with ICU, never iconv
  /^usr\/sbin(\/|$)/, // update-ca-certificates: a shell script, and there is no shell
  /^usr\/share\/ca-certificates(\/|$)/, // the individual certificates; their bundle is generated below
  /^etc\/ca-certificates(\/|$)/,
  /^usr\/share\/zoneinfo\/right(\/|$)/, // leap-second variants of every zone: nothing selects them
];

function debFileName(pin: DebPin): string {
  return `${pin.name}_${pin.version.replace(/:/g, '%3a')}_${pin.arch}.deb`;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function aptName(pin: DebPin): string {
  return pin.arch === 'all' ? `${pin.name}=${pin.version}` : `${pin.name}:${pin.arch}=${pin.version}`;
}

/** Adds a foreign architecture (arm64 on an amd64 host) so apt can download its packages. */
function ensureArchitecture(arch: DebPin['arch']): void {
  if (arch === 'all') return;
  const known = [
    run('dpkg', ['--print-architecture']).trim(),
    ...run('dpkg', ['--print-foreign-architectures'])
      .split('\n')
      .map((a) => a.trim()),
  ];
  if (known.includes(arch)) return;
  if (!isRoot()) throw new Error(`apt cannot download ${arch} packages: run 'dpkg --add-architecture ${arch} && apt-get update' as root`);
  run('dpkg', ['--add-architecture', arch]);
  aptUpdate();
}

function candidate(pin: DebPin): string {
  const policy = run('apt-cache', ['policy', pin.arch === 'all' ? pin.name : `${pin.name}:${pin.arch}`]);
  return /Candidate:\s*(\S+)/.exec(policy)?.[1] ?? '(none)';
}

/** The pinned .deb in the download cache, fetched by apt-get download when missing; checked by sha256. */
export function fetchDeb(pin: DebPin, cacheDir: string, lockPath: string): string {
  const dir = join(cacheDir, 'debs');
  const path = join(dir, debFileName(pin));
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    ensureArchitecture(pin.arch);
    try {
      run('apt-get', ['download', '-qq', aptName(pin)], { cwd: dir });
    } catch {
      aptUpdate(); // a fresh machine has no package lists yet
      try {
        run('apt-get', ['download', '-qq', aptName(pin)], { cwd: dir });
      } catch {
        throw new Error(
          `${lockPath}: ${pin.name} ${pin.arch} ${pin.version} is no longer in the Debian archive (apt offers ${candidate(pin)}): update the pin and its sha256`,
        );
      }
    }
  }
  const actual = sha256(path);
  if (actual !== pin.sha256) {
    rmSync(path);
    throw new Error(`${lockPath}: ${debFileName(pin)} has sha256 ${actual}, the lock pins ${pin.sha256}`);
  }
  return path;
}

/** The dpkg status stanza of a package, as distroless images carry it, so scanners find the versions. */
function statusStanza(deb: string): string {
  const control = run('dpkg-deb', ['-f', deb, 'Package', 'Source', 'Version', 'Architecture', 'Maintainer', 'Homepage']);
  const [first = '', ...rest] = control.trimEnd().split('\n');
  return `${first}\nStatus: install ok installed\n${rest.join('\n')}\n`;
}

function walk(root: string, relative: string, out: TarEntry[]): void {
  for (const name of readdirSync(join(root, relative)).sort()) {
    const path = relative ? `${relative}/${name}` : name;
    if (DROPPED.some((pattern) => pattern.test(path))) continue;
    const stat = lstatSync(join(root, path));
    if (stat.isDirectory()) {
      out.push({ type: 'dir', path, mode: stat.mode & 0o7777, uid: 0, gid: 0 });
      walk(root, path, out);
    } else if (stat.isSymbolicLink()) {
      // libgcc-s1's and libstdc++6's doc dirs link to gcc-12-base's, which the image does not carry.
      if (path.startsWith('usr/share/doc/')) continue;
      out.push({ type: 'symlink', path, target: readlinkSync(join(root, path)), uid: 0, gid: 0 });
    } else if (stat.isFile()) {
      out.push({ type: 'file', path, mode: stat.mode & 0o7777, uid: 0, gid: 0, data: readFileSync(join(root, path)) });
    }
  }
}

/** The Mozilla roots in one PEM file, as update-ca-certificates would write it (the package's postinst). */
function caBundle(extracted: string): Buffer {
  const dir = join(extracted, 'usr/share/ca-certificates/mozilla');
  return Buffer.concat(
    readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name))),
  );
}

function text(path: string, content: string, mode = 0o644): TarEntry {
  return { type: 'file', path, mode, uid: 0, gid: 0, data: Buffer.from(content) };
}

function dir(path: string, mode = 0o755, owner = 0): TarEntry {
  return { type: 'dir', path, mode, uid: owner, gid: owner };
}

/** The entries of layer 1 for one architecture, sorted by path. */
export function runtimeLayer(debs: readonly string[]): TarEntry[] {
  const extracted = mkdtempSync(join(tmpdir(), 'image-debs-'));
  try {
    for (const deb of debs) run('dpkg-deb', ['-x', deb, extracted]);
    const entries: TarEntry[] = [];
    walk(extracted, '', entries);
    const names = debs.map((deb) => run('dpkg-deb', ['-f', deb, 'Package']).trim());
    entries.push(
      text('etc/passwd', `root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:${NONROOT}:${NONROOT}:nonroot:/home/nonroot:/sbin/nologin\n`),
      text('etc/group', `root:x:0:\nnonroot:x:${NONROOT}:\n`),
      text('etc/nsswitch.conf', 'passwd: files\ngroup: files\nhosts: files dns\n'),
      text(
        'etc/os-release',
        'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n',
      ),
      text('etc/ssl/certs/ca-certificates.crt', caBundle(extracted).toString('utf8')),
      dir('etc/ssl/certs'),
      dir('home'),
      dir('home/nonroot', 0o700, NONROOT),
      dir('tmp', 0o1777),
      dir('var'),
      dir('var/lib'),
      dir('var/lib/dpkg'),
      dir('var/lib/dpkg/status.d'),
      ...debs.map((deb, i) => text(`var/lib/dpkg/status.d/${names[i]}`, statusStanza(deb))),
    );
    const unique = new Map(entries.map((entry) => [entry.path, entry]));
    return [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    rmSync(extracted, { recursive: true, force: true });
  }
}
