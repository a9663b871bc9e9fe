// Reading manifests as they were at a git revision: `git ls-tree` lists the files under each path,
// `git show REF:./file` reads them. Paths are relative to the working directory, as on the command line.

import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ManifestSource } from './manifests.js';
import { InputError, isManifestFile } from './sources.js';

const run = promisify(execFile);
const MAX_OUTPUT = 1 << 30;

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' });
  return stdout;
}

/** git's own complaint (its stderr) rather than Node's "Command failed: …" wrapper. */
function gitMessage(err: unknown): string {
  const stderr = (err as { stderr?: unknown }).stderr;
  return typeof stderr === 'string' && stderr.trim() ? stderr.trim() : (err as Error).message.trim();
}

/** Whether `ref` names a commit in the repository around the working directory. */
export async function isGitRevision(ref: string, cwd = process.cwd()): Promise<boolean> {
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** `./`-prefixed so git reads it relative to the working directory. */
function gitPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path)) || '.';
  return rel.startsWith('..') ? rel : `./${rel}`;
}

/** The manifest files under `path` at `ref`; a file named explicitly is kept whatever its extension. */
async function filesAt(ref: string, path: string, cwd: string): Promise<string[]> {
  const listed = (await git(['ls-tree', '-r', '--name-only', '-z', ref, '--', gitPath(path, cwd)], cwd)).split('\0').filter(Boolean);
  const explicit = listed.length === 1 && gitPath(listed[0] ?? '', cwd) === gitPath(path, cwd);
  return explicit ? listed : listed.filter(isManifestFile);
}

/** The manifest files directly in directory `dir` at `ref` (none when it did not exist). */
async function filesInDirectoryAt(ref: string, dir: string, cwd: string): Promise<string[]> {
  const entries = (await git(['ls-tree', '-z', ref, '--', `${gitPath(dir, cwd).replace(/\/$/, '')}/`], cwd)).split('\0').filter(Boolean);
  // "<mode> <type> <object>\t<path>": files only, subdirectories stay unread.
  return entries.flatMap((entry) => {
    const [meta = '', file = ''] = entry.split('\t');
    return meta.split(' ')[1] === 'blob' && isManifestFile(file) ? [file] : [];
  });
}

async function listAt(ref: string, path: string, cwd: string, list: typeof filesAt): Promise<string[]> {
  try {
    return await list(ref, path, cwd);
  } catch (err) {
    throw new InputError(`git ls-tree ${ref} -- ${path}: ${gitMessage(err)}`);
  }
}

async function showAt(ref: string, files: readonly string[], cwd: string): Promise<ManifestSource[]> {
  const sources: ManifestSource[] = [];
  for (const file of files) {
    try {
      sources.push({ name: `${ref}:${file}`, text: await git(['show', `${ref}:${gitPath(file, cwd)}`], cwd) });
    } catch (err) {
      throw new InputError(`git show ${ref}:${file}: ${gitMessage(err)}`);
    }
  }
  return sources;
}

/** The sources at `ref` for the same path arguments (`-` has no older version). */
export async function readSourcesAtRef(ref: string, paths: readonly string[], cwd = process.cwd()): Promise<ManifestSource[]> {
  const files: string[] = [];
  for (const path of paths.filter((p) => p !== '-')) files.push(...(await listAt(ref, path, cwd, filesAt)));
  return showAt(ref, files, cwd);
}

/** The manifests at `ref` directly in the directories `dirs`, except the files in `skip`. */
export async function readSiblingsAtRef(
  ref: string,
  dirs: readonly string[],
  skip: ReadonlySet<string>,
  cwd = process.cwd(),
): Promise<ManifestSource[]> {
  const files = new Set<string>();
  for (const dir of dirs) for (const file of await listAt(ref, dir, cwd, filesInDirectoryAt)) files.add(file);
  return showAt(
    ref,
    [...files].filter((f) => !skip.has(`${ref}:${f}`)),
    cwd,
  );
}
