// KUBECTL_EXTERNAL_DIFF, honoured as `kubectl diff` does: the program (with its own arguments, split
// on spaces) is given two directories, the template side and the PodGroup side, one file per
// PodGroup, named like kubectl's temp files. Only local temp files are written, then removed.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { DiffPair } from './unified.js';

export const EXTERNAL_DIFF_ENV = 'KUBECTL_EXTERNAL_DIFF';

export class ExternalDiffError extends Error {}

/** Runs `command TEMPLATE-dir PODGROUP-dir`, its output piped to `out`; resolves to its exit code. */
export async function runExternalDiff(command: string, pairs: readonly DiffPair[], out: Writable): Promise<number> {
  const [program, ...args] = command.trim().split(/\s+/);
  if (!program) throw new ExternalDiffError(`${EXTERNAL_DIFF_ENV} is empty`);
  const base = await mkdtemp(join(tmpdir(), 'kubectl-workload-diff-'));
  const templates = join(base, 'TEMPLATE');
  const podGroups = join(base, 'PODGROUP');
  try {
    await Promise.all([mkdir(templates), mkdir(podGroups)]);
    await Promise.all(
      pairs.flatMap((p) => [writeFile(join(templates, p.fileName), p.oldText), writeFile(join(podGroups, p.fileName), p.newText)]),
    );
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(program, [...args, templates, podGroups], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.pipe(out, { end: false });
      child.on('error', (err) => reject(new ExternalDiffError(`${EXTERNAL_DIFF_ENV}: cannot run "${program}": ${err.message}`)));
      child.on('close', (code) => resolve(code ?? 2));
    });
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
