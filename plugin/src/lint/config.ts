// Rule settings for lint: the same file the webhook reads with --config (`rules: {X-15: off,
// X-14: warn}`), given with `lint --config FILE` or found as .kubectl-workload.yaml at the root of
// the git repository lint runs in (else the working directory), so a repo configures its linter once.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { loadSeverityConfig, SeverityConfigError } from '@kubectl-workload/rules';
import type { SeverityOverride } from '@kubectl-workload/rules';
import { UserError } from '../exit.js';

export const CONFIG_FILE_NAME = '.kubectl-workload.yaml';

export interface LintConfig {
  /** The file read, relative to the working directory when found (as the user would name it). */
  file: string;
  overrides: Readonly<Record<string, SeverityOverride>>;
}

async function repoRoot(cwd: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || cwd;
  } catch {
    return cwd; // not a git repository (or no git): the working directory is the root
  }
}

/** The explicit file, else .kubectl-workload.yaml at the repository root, else none. */
export async function loadLintConfig(explicit: string | undefined, cwd = process.cwd()): Promise<LintConfig | undefined> {
  const path = explicit ?? join(await repoRoot(cwd), CONFIG_FILE_NAME);
  if (explicit === undefined && !existsSync(path)) return undefined;
  try {
    return { file: explicit ?? relative(cwd, path), overrides: await loadSeverityConfig(path) };
  } catch (err) {
    if (err instanceof SeverityConfigError) throw new UserError(err.message);
    throw err;
  }
}
