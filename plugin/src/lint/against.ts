// `--against PATH|GIT-REF`: the older versions of the linted objects. An existing path is read as
// manifests; anything else must be a git revision, read at the same paths as the new set.

import { existsSync } from 'node:fs';
import { isGitRevision, readSourcesAtRef } from '../input/git.js';
import type { ManifestSource } from '../input/manifests.js';
import { InputError, readSources } from '../input/sources.js';

export async function readPreviousSources(against: string, paths: readonly string[], cwd = process.cwd()): Promise<ManifestSource[]> {
  if (existsSync(against)) return readSources([against]);
  if (await isGitRevision(against, cwd)) return readSourcesAtRef(against, paths, cwd);
  throw new InputError(`--against ${against}: neither an existing path nor a git revision`);
}
