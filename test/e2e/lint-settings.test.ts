// `kubectl workload lint` where teams configure it, through real kubectl: the rules file found at
// the repository root (said in the summary line) and a cluster snapshot for the cross-object rules.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { pathWithRepoBin, run } from '@kubectl-workload/test';
import { ROOT } from './installed-plugin-checks.js';

// A Pod naming a PodGroup that exists only in examples/cluster-snapshot.yaml.
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  priorityClassName: high-priority\n  schedulingGroup:\n    podGroupName: llm-train-workers\n  containers: [{name: c, image: busybox}]\n';

const lint = (cwd: string, ...args: string[]) =>
  run('sh', ['-c', 'cd "$1" && shift && exec kubectl workload lint "$@"', 'sh', cwd, ...args], {
    PATH: pathWithRepoBin(),
    NO_COLOR: '1',
    KUBECONFIG: join(cwd, 'absent'),
  });

describe('kubectl workload lint settings', () => {
  const repo = mkdtempSync(join(tmpdir(), 'kw-lint-settings-'));
  execFileSync('git', ['init', '-q', repo]);
  mkdirSync(join(repo, 'deploy'));
  writeFileSync(join(repo, 'deploy/pod.yaml'), POD);

  it('without a rules file or cluster: X-15 for the PodGroup the input lacks', async () => {
    const result = await lint(join(repo, 'deploy'), 'pod.yaml');
    expect(result.stdout).toContain('pod.yaml:8:5: warning X-15 Pod default/p');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 object in 1 file: 0 errors, 1 warning, 0 info');
  });

  it('--snapshot: the PodGroup exists in the cluster, so no X-15', async () => {
    const result = await lint(join(repo, 'deploy'), 'pod.yaml', '--snapshot', join(ROOT, 'examples/cluster-snapshot.yaml'));
    expect(result).toEqual({ code: 0, stdout: '1 object in 1 file: no findings\n', stderr: '' });
  });

  it('.kubectl-workload.yaml at the repository root applies from a subdirectory and is named in the summary', async () => {
    writeFileSync(join(repo, '.kubectl-workload.yaml'), 'rules:\n  X-15: deny\n');
    const result = await lint(join(repo, 'deploy'), 'pod.yaml');
    expect(result.stdout).toContain('pod.yaml:8:5: error X-15 Pod default/p');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      '1 object in 1 file: 1 error, 0 warnings, 0 info (rules from ../.kubectl-workload.yaml)',
    );
    expect(result.code).toBe(1);
  });
});
