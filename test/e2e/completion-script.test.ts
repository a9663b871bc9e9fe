// `kubectl workload completion bash`: the printed script, sourced into a real bash, completes
// commands, flag values and object names of the standalone kubectl-workload (issue 18 item 18).
// Needs `npm run build`.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pathWithRepoBin } from '@kubectl-workload/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PATH: pathWithRepoBin() };

/** COMPREPLY after completing `words`, the last one being the word under the cursor. */
function complete(...words: string[]): string[] {
  const script = [
    'source <(kubectl workload completion bash)',
    `COMP_WORDS=(kubectl-workload ${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length}`,
    '_kubectl_workload',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: root, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('kubectl workload completion bash', () => {
  it('completes commands, flag values and names from a snapshot', () => {
    expect(complete('st')).toEqual(['status']);
    expect(complete('status', '-o', '')).toEqual(['wide', 'json', 'yaml']);
    expect(complete('explain', '--snapshot', 'examples/cluster-snapshot.yaml', 'job/e')).toEqual(['job/etl-batch']);
  });

  it('prints a zsh script that registers the same function, and rejects other shells', () => {
    const zsh = spawnSync('kubectl', ['workload', 'completion', 'zsh'], { env, encoding: 'utf8' });
    expect(zsh.stdout.startsWith('#compdef kubectl-workload\n')).toBe(true);
    expect(zsh.stdout).toContain('compdef _kubectl_workload kubectl-workload');
    const fish = spawnSync('kubectl', ['workload', 'completion', 'fish'], { env, encoding: 'utf8' });
    expect(fish.status).toBe(2);
    expect(fish.stderr).toContain('shell: "fish" is not one of "bash", "zsh"');
  });
});
