// `--against PATH|GIT-REF`: the older versions of the linted objects. An existing path is read as
// manifests; anything else must be a git revision, read at the same paths as the new set. The
// revision stands for what is applied, so a linted file also sees the manifests beside it at that
// revision: a changed Job file alone still finds the unchanged gang PodGroup next to it (JOB-14).

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isGitRevision, readSiblingsAtRef, readSourcesAtRef } from '../input/git.js';
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

export interface PreviousSources {
  /** The older versions of the linted paths. */
  readonly sources: ManifestSource[];
  /** Other manifests beside a linted file at the revision: objects for the cross-object rules only. */
  readonly beside: ManifestSource[];
}

/** The directories of the linted paths that are files (a directory is read whole already). */
function directoriesOfFiles(paths: readonly string[]): string[] {
  const files = paths.filter((p) => p !== '-' && !(existsSync(p) && statSync(p).isDirectory()));
  return [...new Set(files.map((p) => dirname(p)))];
}

export async function readPreviousSources(against: string, paths: readonly string[], cwd = process.cwd()): Promise<PreviousSources> {
  if (existsSync(against)) return { sources: await readSources([against]), beside: [] };
  const repository = await repositoryOf(against, paths, cwd);
  if (repository === undefined) throw new InputError(`--against ${against}: neither an existing path nor a git revision`);
  const absolute = paths.map((p) => (p === '-' ? p : resolve(cwd, p)));
  const sources = await readSourcesAtRef(against, absolute, repository);
  const read = new Set(sources.map((s) => s.name));
  return { sources, beside: await readSiblingsAtRef(against, directoriesOfFiles(absolute), read, repository) };
}
