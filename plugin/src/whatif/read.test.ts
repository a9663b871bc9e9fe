import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import type { KubeObject, PersistentVolumeClaim } from '@kubectl-workload/api';
import { stateFromObjects } from '@kubectl-workload/cluster';
import { UserError } from '../exit.js';
import { readWhatIfManifests, withWhatIf } from './read.js';
import { synthesizeWhatIf, type WhatIf } from './synthesize.js';

const NOW = '2026-11-23T12:00:00Z';
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '4' } } } as KubeObject;
const existing = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ml' }, spec: { containers: [] } } as KubeObject;

const whatIf = (...objects: KubeObject[]): WhatIf => ({ objects: objects.map((object) => ({ object, file: 'new.yaml' })), units: [] });

describe('readWhatIfManifests', () => {
  it('reads files, directories and stdin with the manifest reader, namespacing objects like kubectl apply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'whatif-'));
    await writeFile(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: []}\n');
    const stdin = Readable.from(['apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: other}\nspec: {containers: []}\n']);
    const read = synthesizeWhatIf(await readWhatIfManifests([dir, '-'], stdin), 'ml', NOW);
    expect(read.objects.map((o) => [o.file, o.object.metadata?.namespace, o.object.metadata?.name])).toEqual([
      [join(dir, 'pod.yaml'), 'ml', 'a'],
      ['<stdin>', 'other', 'b'],
    ]);
  });

  it('names the file, line and column of unreadable input, and a missing path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'whatif-'));
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'apiVersion: v1\nkind: [\n');
    await expect(readWhatIfManifests([bad])).rejects.toThrow(new UserError(`${bad}:3:1: YAML syntax error: deficient indentation`));
    await expect(readWhatIfManifests([join(dir, 'absent.yaml')])).rejects.toThrow(
      new UserError(`${join(dir, 'absent.yaml')}: no such file or directory (-f)`),
    );
    await writeFile(join(dir, 'empty.yaml'), '# nothing\n');
    await expect(readWhatIfManifests([join(dir, 'empty.yaml')])).rejects.toThrow(
      `-f ${join(dir, 'empty.yaml')}: no Kubernetes objects found`,
    );
  });
});

describe('withWhatIf', () => {
  const state = stateFromObjects([node, existing]);

  it('adds new objects to the cluster state, kinds the simulation does not read dropped', () => {
    const added = { ...existing, metadata: { name: 'q', namespace: 'ml' } };
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ml' } };
    expect(withWhatIf(state, whatIf(added, deployment)).map((o) => o.metadata?.name)).toEqual(['n1', 'p', 'q']);
  });

  it('refuses an object that already exists, naming the file', () => {
    expect(() => withWhatIf(state, whatIf(existing))).toThrow(
      new UserError(
        'new.yaml: Pod ml/p already exists in the cluster or earlier in -f; -f adds new objects (rename it to ask about another copy)',
      ),
    );
    expect(() => withWhatIf(state, whatIf(node))).toThrow('new.yaml: Node n1 already exists');
  });

  it('keeps the cluster copy of a claim a controller creates only when missing', () => {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'ml' } } as KubeObject;
    const withClaim = stateFromObjects([node, existing, { ...claim, spec: { volumeName: 'pv-1' } } as KubeObject]);
    const merged = withWhatIf(withClaim, { objects: [{ object: claim, file: 'new.yaml', keepExisting: true }], units: [] });
    expect(merged.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => (o as { spec?: unknown }).spec)).toEqual([
      { volumeName: 'pv-1' },
    ]);
  });

  it('gives a new claim without a class the default StorageClass, as admission does', () => {
    const sc = (name: string, created: string, isDefault: boolean) =>
      ({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name, creationTimestamp: created, annotations: { 'storageclass.kubernetes.io/is-default-class': String(isDefault) } },
      }) as KubeObject;
    const classes = stateFromObjects([
      node,
      sc('old', '2026-01-01T00:00:00Z', true),
      sc('new', '2026-02-01T00:00:00Z', true),
      sc('x', '2026-03-01T00:00:00Z', false),
    ]);
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'ml' }, spec: {} } as KubeObject;
    const merged = withWhatIf(classes, whatIf(claim)).find((o) => o.kind === 'PersistentVolumeClaim') as PersistentVolumeClaim;
    expect(merged.spec?.storageClassName).toBe('new');
  });

  it('names the file of an object the simulator cannot read', () => {
    const broken = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' }, status: { allocatable: { cpu: 'lots' } } } as KubeObject;
    expect(() => withWhatIf(state, whatIf(broken))).toThrow(/^new\.yaml: Node n2: status\.allocatable\[cpu\]: quantities must match/);
    const greedy = {
      ...existing,
      metadata: { name: 'q', namespace: 'ml' },
      spec: { containers: [{ name: 'c', resources: { requests: { cpu: 'lots' } } }] },
    } as KubeObject;
    expect(() => withWhatIf(state, whatIf(greedy))).toThrow(/^new\.yaml: Pod ml\/q: .*cpu.*quantities must match/);
  });
});
