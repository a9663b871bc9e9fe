// The checks an installed plugin must pass through real kubectl, shared by the npm-package and the
// single-executable e2e tests: kubectl finds it on PATH, runs it, and completes through it, and it
// lints exactly as the plugin built in this repo does.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { pinnedKubectlPath, run } from '@kubectl-workload/test';

export const ROOT = resolve(import.meta.dirname, '../..');
const REPO_PLUGIN = join(ROOT, 'plugin/bin/kubectl-workload.js');
const PLUGIN_VERSION = (JSON.parse(readFileSync(join(ROOT, 'plugin/package.json'), 'utf8')) as { version: string }).version;

/** PATH of only these directories and kubectl's, so kubectl sees no other kubectl-workload (the repo's bin). */
export function isolatedPath(...dirs: string[]): string {
  return [...dirs, dirname(KUBECTL)].join(delimiter);
}

/** The pinned kubectl (1.35); the npm test also runs through the machine's kubectl, if it has one. */
export const KUBECTL = pinnedKubectlPath();
export const MACHINE_KUBECTL = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();

export interface Installed {
  /** The directory holding kubectl-workload and kubectl_complete-workload. */
  binDir: string;
  /** PATH to run kubectl with. */
  path: string;
}

export function describeKubectlChecks(title: string, installed: () => Installed, kubectlBinary = KUBECTL): void {
  describe(title, () => {
    const env = (): NodeJS.ProcessEnv => {
      const home = mkdtempSync(join(tmpdir(), 'kw-home-'));
      return { PATH: installed().path, HOME: home, KUBECONFIG: join(home, 'absent'), NO_COLOR: '1' };
    };
    const kubectl = (args: string[]) => run(kubectlBinary, args, env(), 60_000);

    it('kubectl plugin list finds kubectl-workload in the install directory', async () => {
      const result = await kubectl(['plugin', 'list']);
      expect(result.stdout.split('\n').filter((line) => line.includes('kubectl-workload'))).toEqual([
        join(installed().binDir, 'kubectl-workload'),
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    });

    it('kubectl workload --version prints the plugin version', async () => {
      expect(await kubectl(['workload', '--version'])).toEqual({ code: 0, stdout: `${PLUGIN_VERSION}\n`, stderr: '' });
    });

    it('kubectl workload lint examples/ reports exactly what the repo build reports', async () => {
      const expected = spawnSync(process.execPath, [REPO_PLUGIN, 'lint', 'examples/'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      const result = await kubectl(['workload', 'lint', 'examples/']); // jest runs in the repo root
      expect(expected.status).toBe(1); // examples/broken has errors
      expect(result).toEqual({ code: 1, stdout: expected.stdout, stderr: expected.stderr });
      expect(result.stdout).toContain('examples/broken/workloads.yaml:9:3: error WL-04');
    });

    it('kubectl __complete workload completes commands and flags through kubectl_complete-workload', async () => {
      const commands = await kubectl(['__complete', 'workload', 'li']);
      expect(commands.stdout.split('\n')[0]).toMatch(/^lint\t/);
      expect(commands.code).toBe(0);
      const failOn = await kubectl(['__complete', 'workload', 'lint', '--fail-on', '']);
      expect(failOn.stdout.split('\n').filter((line) => line && !line.startsWith(':'))).toEqual(['error', 'warning', 'info']);
    });
  });
}
