// `kubectl workload ... | head -1`: a reader that closes the pipe early makes the next write fail with
// EPIPE; the plugin stops quietly with its own status, no stack trace. Real pipes, closed by this test.
// Needs `npm run build` (make test builds first).

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'plugin/bin/kubectl-workload.js');
const snapshot = join(root, 'examples/cluster-snapshot.yaml');

interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the plugin, reads its first chunk of output (none when `closeAtOnce`), then closes the pipe. */
async function runClosingOutput(args: string[], closeAtOnce: boolean): Promise<Outcome & { first: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let first = '';
  if (closeAtOnce) child.stdout.destroy();
  else {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    first = chunk.toString('utf8');
    child.stdout.destroy();
  }
  const [status, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { status, signal, stderr, first };
}

/** The same command with its whole output read: the status a closed pipe must not change. */
function statusReadingAll(args: string[]): number | null {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }).status;
}

describe('output closed by its reader (issue 18: EPIPE)', () => {
  it('lint with far more output than a pipe holds stops quietly after head -1, still exiting 1 for findings', async () => {
    // 100 copies of the broken examples: some 350 kilobytes of findings, many pipe buffers' worth.
    const dir = mkdtempSync(join(tmpdir(), 'closed-output-'));
    for (const file of ['jobs.yaml', 'podgroups.yaml', 'pods.yaml', 'workloads.yaml']) {
      const text = readFileSync(join(root, 'examples/broken', file), 'utf8');
      for (let i = 0; i < 100; i++) writeFileSync(join(dir, `${i}-${file}`), text);
    }
    for (const args of [
      ['lint', dir],
      ['lint', dir, '-o', 'json'],
    ]) {
      const r = await runClosingOutput(args, false);
      expect(r.first.length).toBeGreaterThan(0);
      expect(r).toMatchObject({ stderr: '', signal: null, status: 1 });
    }
  });

  it.each([
    [['simulate', '--snapshot', snapshot]],
    [['status', '-A', '--snapshot', snapshot]],
    [['explain', 'podgroup/llm-train-workers', '--snapshot', snapshot]],
    [['lint', join(root, 'examples/broken')]],
  ])('%j with the pipe closed before it writes stops quietly with its own status', async (args) => {
    const r = await runClosingOutput(args, true);
    expect(r).toMatchObject({ stderr: '', signal: null, status: statusReadingAll(args) });
  });
});
