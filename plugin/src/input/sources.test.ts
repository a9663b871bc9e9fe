import { mkdirSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPath } from './sources.js';

describe('expandPath', () => {
  it('walks a directory in sorted order for manifest files, skipping hidden directories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    for (const sub of ['b', 'a', '.github/workflows', 'a/nested']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of ['b/z.yaml', 'b/y.JSON', 'a/x.yml', 'a/nested/w.yaml', 'a/readme.md', '.github/workflows/ci.yml'])
      writeFileSync(join(dir, file), 'x');
    symlinkSync(join(dir, 'a/x.yml'), join(dir, 'b/link.yaml'));
    symlinkSync(join(dir, 'a'), join(dir, 'b/loop'));
    expect((await expandPath(dir)).map((p) => p.slice(dir.length + 1))).toEqual([
      'a/nested/w.yaml',
      'a/x.yml',
      'b/link.yaml',
      'b/y.JSON',
      'b/z.yaml',
    ]);
  });

  it('keeps a file named explicitly whatever its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    writeFileSync(join(dir, 'manifests.txt'), 'x');
    expect(await expandPath(join(dir, 'manifests.txt'))).toEqual([join(dir, 'manifests.txt')]);
  });
});
