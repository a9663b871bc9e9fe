// Decoding the manifest files read. ASCII files (most manifests) are decoded at once into one
// string, each file a slice of it: a string that large is allocated outside the young generation,
// so the garbage collector never copies the text of hundreds of files, as it copies one string per
// file (twice, while they are young). Other files are decoded one by one as UTF-8.

import { isAscii } from 'node:buffer';

/** At most this many bytes in one shared string (V8 caps a string at ~512 MiB). */
const GROUP_BYTES = 64 * 2 ** 20;

/** The text of each file, as `bytes.toString('utf8')` would give it. */
export function decodeFiles(files: readonly Buffer[]): string[] {
  const texts: string[] = [];
  let group: number[] = [];
  let size = 0;
  const flush = (): void => {
    // ASCII bytes decode the same as Latin-1, which needs no UTF-8 validation.
    const shared = Buffer.concat(group.map((i) => files[i] as Buffer)).toString('latin1');
    let at = 0;
    for (const i of group) {
      const end = at + (files[i] as Buffer).length;
      texts[i] = shared.slice(at, end);
      at = end;
    }
    group = [];
    size = 0;
  };
  files.forEach((bytes, i) => {
    if (!isAscii(bytes)) {
      texts[i] = bytes.toString('utf8');
      return;
    }
    if (group.length && size + bytes.length > GROUP_BYTES) flush();
    group.push(i);
    size += bytes.length;
  });
  if (group.length) flush();
  return texts;
}
