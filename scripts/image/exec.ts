// Running the host tools the build needs (apt-get, dpkg-deb, npm, strip), with errors that say which.

import { spawnSync } from 'node:child_process';

export function run(command: string, args: readonly string[], options: { cwd?: string } = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    ...options,
  });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join('; ');
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${detail}`);
  }
  return result.stdout;
}

export function tryRun(command: string, args: readonly string[], options: { cwd?: string } = {}): boolean {
  try {
    run(command, args, options);
    return true;
  } catch {
    return false;
  }
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

let aptUpdated = false;

/** `apt-get update`, once per build: a fresh machine (CI) has no package lists. Needs root. */
export function aptUpdate(): void {
  if (aptUpdated) return;
  if (!isRoot()) throw new Error('apt-get update needs root: run `make image` as root once, or install the packages it names');
  run('apt-get', ['update', '-qq']);
  aptUpdated = true;
}

/** Installs Debian packages the build runs (not ones that go into the image). */
export function aptInstall(packages: readonly string[], why: string): void {
  if (!isRoot()) throw new Error(`${why}: install ${packages.join(' ')} (apt-get install ${packages.join(' ')}) or run as root`);
  aptUpdate();
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}
