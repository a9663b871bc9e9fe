// Deterministic POSIX tar (ustar + pax headers): the writer for image layers and archives, the reader
// for npm tarballs and for unpacking the image again. Only what images need: files, directories,
// symlinks and hard links; owners are numeric, mtimes are whatever the caller fixes.

const BLOCK = 512;

export type TarEntry =
  | { type: 'file'; path: string; mode: number; uid: number; gid: number; data: Buffer }
  | { type: 'dir'; path: string; mode: number; uid: number; gid: number }
  | { type: 'symlink'; path: string; target: string; uid: number; gid: number }
  | { type: 'hardlink'; path: string; target: string; uid: number; gid: number };

const TYPEFLAG = { file: '0', hardlink: '1', symlink: '2', dir: '5' } as const;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** A pax extended header record: "<len> key=value\n", where len counts the whole record. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength + String(bodyLength).length;
  if (String(length).length !== length - bodyLength) length = bodyLength + String(length).length;
  return `${length}${body}`;
}

function header(
  name: string,
  typeflag: string,
  opts: { mode: number; uid: number; gid: number; size: number; mtime: number; linkname?: string },
): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(opts.mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(opts.uid, 8), 108, 'ascii');
  block.write(octal(opts.gid, 8), 116, 'ascii');
  block.write(octal(opts.size, 12), 124, 'ascii');
  block.write(octal(opts.mtime, 12), 136, 'ascii');
  block.write(typeflag, 156, 'ascii');
  if (opts.linkname) block.write(opts.linkname, 157, 100, 'utf8');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, Buffer.alloc(BLOCK - rest)];
}

/**
 * Writes entries in the order given (callers sort them) with every mtime set to `mtime`. Names or
 * link targets that do not fit ustar's 100 bytes get a pax header, as GNU tar and Go's archive/tar do.
 */
export function writeTar(entries: readonly TarEntry[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = entry.type === 'dir' ? `${entry.path.replace(/\/$/, '')}/` : entry.path;
    const linkname = entry.type === 'symlink' || entry.type === 'hardlink' ? entry.target : undefined;
    const data = entry.type === 'file' ? entry.data : Buffer.alloc(0);
    let pax = '';
    if (Buffer.byteLength(name) > 100) pax += paxRecord('path', name);
    if (linkname !== undefined && Buffer.byteLength(linkname) > 100) pax += paxRecord('linkpath', linkname);
    if (pax) {
      const body = Buffer.from(pax, 'utf8');
      parts.push(header('PaxHeader', 'x', { mode: 0o644, uid: 0, gid: 0, size: body.length, mtime }), ...padded(body));
    }
    const mode = entry.type === 'symlink' ? 0o777 : entry.type === 'hardlink' ? 0o644 : entry.mode;
    parts.push(
      header(name.slice(0, 100), TYPEFLAG[entry.type], {
        mode,
        uid: entry.uid,
        gid: entry.gid,
        size: data.length,
        mtime,
        ...(linkname ? { linkname: linkname.slice(0, 100) } : {}),
      }),
    );
    if (data.length) parts.push(...padded(data));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function field(block: Buffer, offset: number, width: number): string {
  const raw = block.subarray(offset, offset + width);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? width : end).toString('utf8');
}

function number(block: Buffer, offset: number, width: number): number {
  const text = field(block, offset, width).trim();
  return text ? parseInt(text, 8) : 0;
}

function paxFields(body: Buffer): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number(body.subarray(at, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0) throw new Error(`tar: bad pax record at byte ${at}`);
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    fields.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return fields;
}

/** Reads a tar archive into entries (ustar, pax and GNU long names; other types are refused). */
export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  let pending = new Map<string, string>();
  while (at + BLOCK <= archive.length) {
    const block = archive.subarray(at, at + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const size = number(block, 124, 12);
    const typeflag = String.fromCharCode(block[156] ?? 0);
    const data = archive.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'x') {
      pending = paxFields(data);
      continue;
    }
    if (typeflag === 'g') continue;
    if (typeflag === 'L') {
      pending.set('path', field(data, 0, data.length));
      continue;
    }
    if (typeflag === 'K') {
      pending.set('linkpath', field(data, 0, data.length));
      continue;
    }
    const prefix = field(block, 345, 155);
    const path = pending.get('path') ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
    const target = pending.get('linkpath') ?? field(block, 157, 100);
    pending = new Map();
    const owner = { uid: number(block, 108, 8), gid: number(block, 116, 8) };
    const mode = number(block, 100, 8);
    if (typeflag === '0' || typeflag === '\0' || typeflag === '7')
      entries.push({ type: 'file', path, mode, ...owner, data: Buffer.from(data) });
    else if (typeflag === '5') entries.push({ type: 'dir', path: path.replace(/\/$/, ''), mode, ...owner });
    else if (typeflag === '2') entries.push({ type: 'symlink', path, target, ...owner });
    else if (typeflag === '1') entries.push({ type: 'hardlink', path, target, ...owner });
    else throw new Error(`tar: ${path}: unsupported entry type '${typeflag}'`);
  }
  return entries;
}
