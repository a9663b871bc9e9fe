// scripts/jest-temp-environment.js: each test file writes in a TMPDIR of its own, removed when it ends.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import TempDirEnvironment from './jest-temp-environment.ts';

type EnvironmentArguments = ConstructorParameters<typeof TempDirEnvironment>;

const minimalConfig = {
  globalConfig: {},
  projectConfig: { testEnvironmentOptions: {}, customExportConditions: [] },
};

it('gives this file a TMPDIR of its own, which the processes it starts share', () => {
  expect(basename(tmpdir())).toMatch(/^kw-test-/);
  const childTmpdir = execFileSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
  expect(childTmpdir.trim()).toBe(tmpdir());
});

it('removes the directory and all in it when the file ends, and puts TMPDIR back', async () => {
  const outer = process.env.TMPDIR;
  const environment = new TempDirEnvironment(minimalConfig as unknown as EnvironmentArguments[0], {
    console,
    docblockPragmas: {},
    testPath: import.meta.filename,
  });
  const fileTmpdir = process.env.TMPDIR ?? '';
  expect(dirname(fileTmpdir)).toBe(tmpdir());
  mkdirSync(join(fileTmpdir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(fileTmpdir, 'nested', 'deeper', 'release.tar.gz'), 'x'.repeat(1 << 16));

  await environment.teardown();

  expect(existsSync(fileTmpdir)).toBe(false);
  expect(process.env.TMPDIR).toBe(outer);
});
