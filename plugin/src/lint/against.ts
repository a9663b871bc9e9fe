// `--against PATH|GIT-REF`: the older versions of the linted objects. An existing path is read as
// manifests; anything else must be a git revision, read at the same paths as the new set.

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isGitRevision, readSourcesAtRef } from '../input/git.js';
import type { ManifestSource } from '../input/manifests.js';
import { InputError, readSources } from '../input/sources.js';

/**
 * Where git reads the revision: the working directory's repository, else the one around the first
 * linted path, so `cd /tmp && lint /repo/deploy --against HEAD` works as it does inside /repo.
 */
async function repositoryOf(against: string, paths: readonly string[], cwd: string): Promise<string | undefined> {
  if (await isGitRevision(against, cwd)) return cwd;
  const first = paths.find((p) => p !== '-');
  if (first === undefined) return undefined;
  const path = resolve(cwd, first);
  const dir = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
  return (await isGitRevision(against, dir)) ? dir : undefined;
}

export async function readPreviousSources(against: string, paths: readonly string[], cwd = process.cwd()): Promise<ManifestSource[]> {
  if (existsSync(against)) return readSources([against]);
  const repository = await repositoryOf(against, paths, cwd);
  if (repository !== undefined)
    return readSourcesAtRef(
      against,
      paths.map((p) => (p === '-' ? p : resolve(cwd, p))),
      repository,
    );
  throw new InputError(`--against ${against}: neither an existing path nor a git revision`);
}
