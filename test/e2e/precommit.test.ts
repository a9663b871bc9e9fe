// The pre-commit hook (.pre-commit-hooks.yaml) through Debian's pre-commit: `pre-commit try-repo`
// of this repo on a temporary git repository with a broken and a clean manifest staged. The hook is
// language: system, so it runs the kubectl-workload on PATH (here the repo's build).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { pathWithRepoBin, run } from '@kubectl-workload/test';
import type { RunResult } from '@kubectl-workload/test';
import { ROOT } from './installed-plugin-checks.js';

const BROKEN = 'apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata:\n  name: empty\nspec: {}\n';
const CLEAN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: c, image: nginx}]\n';

let repo: string;
let env: NodeJS.ProcessEnv;

const git = (...args: string[]) => run('git', ['-C', repo, ...args], env);
// pre-commit works on the repository of its working directory.
const tryRepo = (): Promise<RunResult> =>
  run('sh', ['-c', 'cd "$1" && exec pre-commit try-repo "$2" kubectl-workload-lint', 'sh', repo, ROOT], env, 300_000);

beforeEach(async () => {
  repo = mkdtempSync(join(tmpdir(), 'kw-precommit-'));
  env = {
    PATH: pathWithRepoBin(),
    PRE_COMMIT_HOME: join(repo, '.cache'),
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    NO_COLOR: '1',
  };
  expect((await git('init', '-q')).code).toBe(0);
  writeFileSync(join(repo, '.gitignore'), '.cache/\n');
  writeFileSync(join(repo, 'broken.yaml'), BROKEN);
  writeFileSync(join(repo, 'clean.yaml'), CLEAN);
});

describe('pre-commit try-repo . kubectl-workload-lint', () => {
  it('fails on the staged broken manifest, naming file, line and rule', async () => {
    await git('add', 'broken.yaml', 'clean.yaml');
    const result = await tryRepo();
    expect(result.stdout).toMatch(/^kubectl workload lint\.+Failed$/m);
    expect(result.stdout).toContain('broken.yaml:5:1: error WL-04 Workload default/empty: spec.podGroupTemplates: Required value');
    expect(result.code).toBe(1);
  });

  it('passes with only the clean manifest staged', async () => {
    await git('add', 'clean.yaml');
    const result = await tryRepo();
    expect(result.stdout).toMatch(/^kubectl workload lint\.+Passed$/m);
    expect(result.code).toBe(0);
  });
});
