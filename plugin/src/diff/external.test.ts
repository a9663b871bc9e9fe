import { PassThrough } from 'node:stream';
import { ExternalDiffError, runExternalDiff } from './external.js';
import type { DiffPair } from './unified.js';

const pair: DiffPair = {
  oldLabel: 'Workload/default/w#podGroupTemplates[t]',
  newLabel: 'PodGroup/default/g',
  oldText: 'spec:\n  priority: 1\n',
  newText: 'spec:\n  priority: 2\n',
  oldNote: '',
  newNote: '',
  fileName: 'scheduling.k8s.io.v1alpha2.PodGroup.default.g',
};

async function collect(command: string, pairs: DiffPair[]): Promise<{ code: number; text: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runExternalDiff(command, pairs, out);
  return { code, text: Buffer.concat(chunks).toString() };
}

describe('runExternalDiff (KUBECTL_EXTERNAL_DIFF)', () => {
  it('gives the program a template directory and a PodGroup directory with one file per PodGroup', async () => {
    const { code, text } = await collect('diff -u -N', [pair]);
    expect(code).toBe(1);
    expect(text).toMatch(/^--- \S+\/TEMPLATE\/scheduling\.k8s\.io\.v1alpha2\.PodGroup\.default\.g\t/m);
    expect(text).toMatch(/^\+\+\+ \S+\/PODGROUP\/scheduling\.k8s\.io\.v1alpha2\.PodGroup\.default\.g\t/m);
    expect(text).toContain('-  priority: 1\n+  priority: 2\n');
  });

  it('reports a program that cannot be run', async () => {
    await expect(collect('no-such-diff-program', [pair])).rejects.toThrow(ExternalDiffError);
    await expect(collect('   ', [pair])).rejects.toThrow('KUBECTL_EXTERNAL_DIFF is empty');
  });
});
