// Turning `PATH…|-` arguments into manifest sources: files as named, directories walked
// recursively for *.yaml, *.yml and *.json (in a stable, sorted order, hidden directories skipped),
// `-` for standard input.

import { readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFiles } from './decode.js';
import type { ManifestSource } from './manifests.js';

export const STDIN_NAME = '<stdin>';
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** A path argument that cannot be read: reported as a usage/IO error (exit 2). */
export class InputError extends Error {}

export function isManifestFile(name: string): boolean {
  return MANIFEST_FILE.test(name);
}

/** A file, or a symbolic link to one (links to directories are not followed: no cycles). */
async function isFile(path: string, entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** A directory holding Chart.yaml: its templates are Go templates, not manifests. */
const HELM_CHART_FILE = 'Chart.yaml';

/** Hidden directories (`.git`, `.github`) are skipped: they hold no manifests, only other YAML. Helm charts are skipped and named in `charts`. */
async function walk(dir: string, out: string[], charts: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.name === HELM_CHART_FILE && !e.isDirectory())) {
    charts.push(dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) await walk(path, out, charts);
    } else if (isManifestFile(entry.name) && (await isFile(path, entry))) {
      out.push(path);
    }
  }
}

function ioMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** The files a path argument stands for; Helm chart directories found are added to `charts`. */
export async function expandPath(path: string, charts: string[] = []): Promise<string[]> {
  try {
    if (!(await stat(path)).isDirectory()) return [path];
    const files: string[] = [];
    await walk(path, files, charts);
    return files;
  } catch (err) {
    throw new InputError(`${path}: ${ioMessage(err)}`);
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads every source named by `paths`, in argument order. */
export interface ReadOptions {
  /** Given: an unreadable path is reported here and skipped, so the rest is still read; else it throws. */
  readonly onUnreadable?: (err: InputError) => void;
  /** Helm chart directories met (always skipped: what to read is `helm template` output). */
  readonly charts?: string[];
}

export async function readSources(
  paths: readonly string[],
  stdin: NodeJS.ReadableStream = process.stdin,
  options: ReadOptions = {},
): Promise<ManifestSource[]> {
  const { onUnreadable, charts = [] } = options;
  const sources: ManifestSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      sources.push({ name: STDIN_NAME, text: await readStdin(stdin) });
      continue;
    }
    const names: string[] = [];
    const contents: Buffer[] = [];
    try {
      for (const file of await expandPath(path, charts)) {
        try {
          // Read in turn, synchronously: a promise and a thread-pool round trip per file cost more
          // than the read itself when a directory holds hundreds of manifests.
          contents.push(readFileSync(file));
          names.push(file);
        } catch (err) {
          throw new InputError(`${file}: ${ioMessage(err)}`);
        }
      }
    } catch (err) {
      if (!(err instanceof InputError) || !onUnreadable) throw err;
      onUnreadable(err);
    } finally {
      // The files read before an unreadable one are kept.
      decodeFiles(contents).forEach((text, i) => sources.push({ name: names[i] as string, text }));
    }
  }
  return sources;
}

/** The commands that read manifests, and how each takes them from standard input. */
const STDIN_ARGUMENT = { lint: '-', simulate: '-f -', convert: '-f -' } as const;

/**
 * Warnings for standard input that held nothing (almost always a mistake upstream) and for skipped
 * Helm charts, whose rendering the command can read from standard input instead.
 */
export function inputWarnings(
  sources: readonly ManifestSource[],
  charts: readonly string[] = [],
  command: keyof typeof STDIN_ARGUMENT = 'lint',
): string[] {
  return [
    ...charts.map(
      (chart) =>
        `${chart} is a Helm chart, not manifests: skipped; ${command} what it renders: helm template ${chart} | kubectl workload ${command} ${STDIN_ARGUMENT[command]}`,
    ),
    ...sources.filter((s) => s.name === STDIN_NAME && s.text.trim() === '').map(() => 'standard input is empty: nothing to read'),
  ];
}
