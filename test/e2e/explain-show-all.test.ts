// `explain --show-all` (issue #12): the text of a big gang lists every pod, as `-o wide` does, where
// the default folds them into one row per message. Runs the built plugin on a --snapshot file.
// Needs `npm run build` (make test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'plugin/bin/kubectl-workload.js');
const GANG = 26;
const created = '2026-01-01T00:00:00Z';

/** Six 32-cpu nodes and a gang of 26 8-cpu pods: 24 fit, so the whole gang is Unschedulable. */
function writeSnapshot(): string {
  const items: object[] = [];
  for (let i = 0; i < 6; i++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i}` },
      status: { allocatable: { cpu: '32', memory: '256Gi', pods: '110' } },
    });
  }
  items.push({
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'train', namespace: 'default', uid: 'uid-train', creationTimestamp: created },
    spec: { schedulingPolicy: { gang: { minCount: GANG } } },
  });
  for (let k = 0; k < GANG; k++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `train-${k}`, namespace: 'default', uid: `uid-train-${k}`, creationTimestamp: created },
      spec: {
        schedulingGroup: { podGroupName: 'train' },
        containers: [{ name: 'c', image: 'trainer', resources: { requests: { cpu: '8' } } }],
      },
      status: { phase: 'Pending' },
    });
  }
  const file = join(mkdtempSync(join(tmpdir(), 'explain-show-all-')), 'cluster.json');
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  return file;
}

const snapshot = writeSnapshot();

function explain(...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, 'explain', 'podgroup/train', '--snapshot', snapshot, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: '' });
  return r.stdout;
}

const podRows = (text: string): string[] => text.split('\n').filter((line) => /^ {4}train-\d+ /.test(line));

describe('explain --show-all', () => {
  it('folds a gang of more than 20 pods by default and names the flag that lists them', () => {
    const text = explain();
    expect(podRows(text)).toEqual([
      expect.stringMatching(/^ {4}train-\d+ \(\+23 more\) +Unschedulable +<none> +pod group is unschedulable/),
      expect.stringMatching(/^ {4}train-\d+ \(\+1 more\) +Unschedulable +<none> +0\/6 nodes are available: 6 Insufficient cpu\.$/),
    ]);
    expect(text).toContain('\n    (--show-all or -o wide lists every pod)\n');
  });

  it('lists every pod on its own row, exactly as -o wide does', () => {
    const text = explain('--show-all');
    const rows = podRows(text);
    expect(rows).toHaveLength(GANG);
    expect(new Set(rows.map((row) => row.trim().split(/\s+/)[0]))).toEqual(new Set(Array.from({ length: GANG }, (_, k) => `train-${k}`)));
    expect(text).not.toContain('lists every pod)');
    expect(text).toBe(explain('-o', 'wide'));
  });

  it('leaves -o json alone: it keeps every pod either way', () => {
    const json = explain('-o', 'json', '--show-all');
    expect(json).toBe(explain('-o', 'json'));
    const document = JSON.parse(json) as { placement: { pods: unknown[] } };
    expect(document.placement.pods).toHaveLength(GANG);
  });
});
