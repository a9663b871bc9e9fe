// Jest's node environment, with a TMPDIR of its own for each test file, removed when the file ends.
// Tests, and the kubectl, helm and plugin processes they start, write up to hundreds of MiB there (a
// release build alone is 600 MiB); left behind, a few CI runs fill the disk. The variable is set on
// the worker's real environment, before Jest copies it into the file's sandbox: node's os.tmpdir()
// and child processes read the real one. A worker runs one file at a time, so nothing else sees it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnvironment as NodeEnvironment } from 'jest-environment-node';

export default class TempDirEnvironment extends NodeEnvironment {
  private readonly outerTmpdir: string | undefined;
  private readonly fileTmpdir: string;

  constructor(...[config, context]: ConstructorParameters<typeof NodeEnvironment>) {
    const outerTmpdir = process.env.TMPDIR;
    const fileTmpdir = mkdtempSync(join(tmpdir(), 'kw-test-'));
    process.env.TMPDIR = fileTmpdir;
    super(config, context);
    this.outerTmpdir = outerTmpdir;
    this.fileTmpdir = fileTmpdir;
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    if (this.outerTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.outerTmpdir;
    // Processes a test killed may still be closing files in it: retry rather than leave it.
    rmSync(this.fileTmpdir, { recursive: true, force: true, maxRetries: 5 });
  }
}
