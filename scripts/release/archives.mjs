// krew-style archives, one per target: the executable, the completion helper and LICENSE at the
// archive root; `.tar.gz` for Linux, `.zip` for Windows. Byte-for-byte reproducible (fixed times,
// owners and order), so the same inputs give the same sha256 in checksums.txt and the krew manifest.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const archiveName = (version, target) =>
  `kubectl-workload_v${version}_${target.os}_${target.arch}.${target.os === 'windows' ? 'zip' : 'tar.gz'}`;

/** kubectl finds a completion helper by name on PATH; on Windows a .cmd file runs the .exe beside it. */
const WINDOWS_COMPLETION = '@echo off\r\n"%~dp0kubectl-workload.exe" __complete %*\r\n';

async function tarGz(out, dir, names) {
  const tar = execFileSync(
    'tar',
    ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '--format=ustar', '-cf', '-', '-C', dir, ...names],
    { maxBuffer: 1 << 30 },
  );
  await writeFile(out, execFileSync('gzip', ['-n', '-6'], { input: tar, maxBuffer: 1 << 30 }));
}

/** A minimal zip (deflate, no zip64: every file is far below 4 GiB), entries dated 1980-01-01. */
async function zip(out, entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, data, mode } of entries) {
    const packed = deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0x21, 12); // 1980-01-01 00:00
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0 (so the mode below is read)
    header.copy(entry, 6, 4, 30); // version needed .. name length: same as the local header
    entry.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(out, Buffer.concat([...locals, ...central, end]));
}

/** Writes the archive of one built target into `outDir`; returns its path. */
export async function writeArchive(outDir, version, target, binary) {
  const out = join(outDir, archiveName(version, target));
  if (target.os === 'windows') {
    await zip(out, [
      { name: 'LICENSE', data: await readFile('LICENSE'), mode: 0o644 },
      { name: 'kubectl-workload.exe', data: await readFile(binary), mode: 0o755 },
      { name: 'kubectl_complete-workload.cmd', data: Buffer.from(WINDOWS_COMPLETION), mode: 0o755 },
    ]);
  } else {
    // Stage the three files side by side so tar stores them at the root under their own names.
    const stage = join(binary, '..');
    execFileSync('cp', ['LICENSE', 'plugin/bin/kubectl_complete-workload', stage]);
    await tarGz(out, stage, ['LICENSE', basename(binary), 'kubectl_complete-workload']);
  }
  return out;
}

export async function sha256(file) {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** checksums.txt in `sha256sum` format, so `sha256sum -c checksums.txt` verifies a download. */
export async function writeChecksums(outDir, files) {
  const lines = await Promise.all(files.map(async (file) => `${await sha256(file)}  ${basename(file)}\n`));
  const out = join(outDir, 'checksums.txt');
  await writeFile(out, lines.join(''));
  return out;
}
