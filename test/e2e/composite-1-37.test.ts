// status, diff and explain on a 1.37 cluster with a CompositePodGroup hierarchy (issue 14 §3),
// through real kubectl against the test API server serving v1beta1 and v1alpha3.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseObjectsFile } from '@kubectl-workload/api';
import { TestApiServer, kubectlEnv, run, writeKubeconfig } from '@kubectl-workload/test';

const FIXTURE = new URL('../fixtures/cluster-1-37/composite.yaml', import.meta.url);

let server: TestApiServer;
let home: string;
let kubeconfig: string;

beforeAll(async () => {
  const objects = parseObjectsFile(await readFile(FIXTURE, 'utf8'), 'composite.yaml');
  server = await TestApiServer.start({ objects, kubernetesVersion: '1.37' });
  home = await mkdtemp(join(tmpdir(), 'composite-1-37-e2e-'));
  kubeconfig = await writeKubeconfig({ server: server.url, caData: server.caData, token: server.token, dir: home });
});
afterAll(() => server.close());

const workload = (...args: string[]) => run('kubectl', ['workload', ...args], kubectlEnv(home, kubeconfig));

describe('status on a 1.37 cluster with CompositePodGroups', () => {
  it('lists the hierarchy parent first, kinds in the names, PARENT with -o wide', async () => {
    const result = await workload('status', '-o', 'wide', '--no-headers');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/\s{2,}/));
    // NAME, WORKLOAD/TEMPLATE, MIN, PODS, SCHEDULED, PARENT, DISRUPTION
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[7], r[10]].join(' '))).toEqual([
      'compositepodgroup/retiring train/job 2 0/1 <none> <none> all',
      'podgroup/late train/leader 1 0/1 <none> retiring single',
      'podgroup/stray train/workers 3 0/3 <none> gone single',
      'compositepodgroup/train-job train/job 1 3/3 <none> <none> all',
      'podgroup/train-leader train/leader 1 1/1 True/Scheduled train-job single',
      'podgroup/train-workers train/workers 2 2/2 True/Scheduled train-job single',
    ]);
  });

  it('carries kind and parent in the JSON document', async () => {
    const result = await workload('status', 'train-job', 'train-workers', '-o', 'json');
    const items = (JSON.parse(result.stdout) as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((i) => [i.kind, i.name, i.parent, i.minCount, i.disruptionMode])).toEqual([
      ['CompositePodGroup', 'train-job', null, 1, 'all'],
      ['PodGroup', 'train-workers', 'train-job', 2, 'single'],
    ]);
    expect(items[1]?.scheduled).toEqual({ status: 'True', reason: 'Scheduled', message: '' });
  });
});

describe('diff on a 1.37 cluster with CompositePodGroups', () => {
  it('diffs composite templates against CompositePodGroups, and says the minCount the template changed is not drift', async () => {
    const result = await workload('diff');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'diff -u -N Workload/default/train#compositePodGroupTemplates[job] CompositePodGroup/default/train-job\n' +
        '--- Workload/default/train#compositePodGroupTemplates[job]\n' +
        '+++ CompositePodGroup/default/train-job\t(CompositePodGroup spec is immutable: recreate it to fix)\n' +
        '@@ -1,6 +1,6 @@\n' +
        ' spec:\n' +
        '   schedulingPolicy:\n' +
        '     gang:\n' +
        '-      minGroupCount: 2\n' +
        '+      minGroupCount: 1\n' +
        '   disruptionMode:\n' +
        '     all: {}\n',
    );
    expect(result.stderr).toBe(
      'info: PodGroup/default/train-workers has gang minCount 2, template "workers" now says 3: the template changed it ' +
        '(Workload generation 2); minCount is mutable in 1.37 (WL-29, PG-22), so this is not drift (X-10)\n',
    );
  });

  it('-o json carries the composite templates and the minCount change', async () => {
    const result = await workload('diff', 'train', '-o', 'json');
    const doc = JSON.parse(result.stdout) as {
      drift: boolean;
      templates: Array<{ template: string; podGroups: Array<{ name: string; differences: unknown[]; minCount?: unknown }> }>;
      compositeTemplates: Array<{ template: string; compositePodGroups: Array<{ name: string; differences: Array<{ field: string }> }> }>;
    };
    expect(doc.drift).toBe(true);
    expect(doc.templates.map((t) => [t.template, t.podGroups.map((g) => g.name)])).toEqual([
      ['leader', ['late', 'train-leader']],
      ['workers', ['stray', 'train-workers']],
    ]);
    expect(doc.templates[1]?.podGroups[1]).toEqual({
      name: 'train-workers',
      differences: [],
      patch: [],
      minCount: { podGroup: 2, template: 3, changedBy: 'template', workloadGeneration: 2 },
    });
    expect(
      doc.compositeTemplates.map((t) => [t.template, t.compositePodGroups.map((g) => [g.name, g.differences.map((d) => d.field)])]),
    ).toEqual([
      [
        'job',
        [
          ['retiring', []],
          ['train-job', ['schedulingPolicy']],
        ],
      ],
    ]);
  });
});

interface ExplainDoc {
  target: { kind: string; namespace: string; name: string };
  links: Array<{ link: string; status: string; summary: string; details: string[]; refs: string[] }>;
  broken: { link: string; summary: string } | null;
  live: { conditionType: string; condition: { status: string; reason: string } | null } | null;
}

const explainJson = async (target: string, ...flags: string[]) => {
  const result = await workload('explain', target, '-o', 'json', ...flags);
  return { code: result.code, doc: JSON.parse(result.stdout) as ExplainDoc };
};

describe('explain on a 1.37 cluster with CompositePodGroups', () => {
  it('walks the CompositePodGroup parents and reads the condition under its 1.37 name', async () => {
    const { doc } = await explainJson('podgroup/train-workers');
    expect(doc.links.find((l) => l.link === 'parent')).toMatchObject({
      status: 'ok',
      summary: 'PodGroup default/train-workers is under the root CompositePodGroup default/train-job',
    });
    expect(doc.links.find((l) => l.link === 'template')?.details[0]).toContain('not drift in 1.37');
    expect(doc.live).toMatchObject({ conditionType: 'PodGroupInitiallyScheduled', condition: { status: 'True', reason: 'Scheduled' } });
    expect(doc.links.find((l) => l.link === 'live')?.summary).toBe(
      'nothing observed contradicts the simulation (PodGroupInitiallyScheduled=True/Scheduled)',
    );
  });

  it('names a missing parent and stops there', async () => {
    const { code, doc } = await explainJson('podgroup/stray');
    expect(code).toBe(1);
    expect(doc.links.map((l) => `${l.link}:${l.status}`)).toEqual(['workload:ok', 'parent:broken']);
    expect(doc.broken?.summary).toContain('names parent CompositePodGroup "gone", which does not exist');
    expect(doc.broken?.summary).toContain('composite pod group object not found in state for default/gone');
  });

  it('warns that the parent is being deleted (PodGroupProtection refuses its new children)', async () => {
    const { doc } = await explainJson('podgroup/late');
    const parent = doc.links.find((l) => l.link === 'parent');
    expect(parent?.status).toBe('warning');
    expect(parent?.summary).toContain('cannot create PodGroup referencing CompositePodGroup "retiring" because it is being deleted');
    expect(parent?.refs).toEqual(['ADM-11', 'ADM-12', 'CPG-13']);
  });

  it('prints the chain as text with the 1.37 condition name', async () => {
    const result = await workload('explain', 'podgroup/train-leader');
    expect(result.stdout).toContain(
      '  ✓ parent          PodGroup default/train-leader is under the root CompositePodGroup default/train-job\n',
    );
    expect(result.stdout).toContain('  PodGroupInitiallyScheduled: True/Scheduled\n');
  });
});

describe('explain compositepodgroup/NAME', () => {
  it('walks its Workload and children, counting scheduled children against minGroupCount', async () => {
    const result = await workload('explain', 'compositepodgroup/train-job');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  ✓ workload        Workload default/train has composite template "job" (gang minGroupCount 2)\n');
    expect(result.stdout).toContain(
      'the template now says gang minGroupCount 2, this CompositePodGroup has gang minGroupCount 1: its policy is immutable (CPG-06)',
    );
    expect(result.stdout).toContain('  ✓ children        2 child groups of 2 scheduled; gang minGroupCount 1 needs 1\n');
    expect(result.stdout).toContain('PodGroup default/train-workers: PodGroupInitiallyScheduled=True/Scheduled');
  });

  it('finds a bare NAME that is only a CompositePodGroup, in the namespace that holds it with -A', async () => {
    const { code, doc } = await explainJson('retiring', '-A');
    expect(code).toBe(1);
    expect(doc.target).toEqual({ kind: 'CompositePodGroup', namespace: 'default', name: 'retiring' });
  });

  it('says a CompositePodGroup being deleted waits for its children', async () => {
    const { code, doc } = await explainJson('compositepodgroup/retiring');
    expect(code).toBe(1);
    expect(doc.links.map((l) => `${l.link}:${l.status}`)).toEqual(['workload:ok', 'deletion:broken']);
    expect(doc.broken?.summary).toBe(
      'CompositePodGroup default/retiring is being deleted: it stays until its 1 child group is gone, and PodGroupProtection refuses new children',
    );
  });

  it('names the resource when the CompositePodGroup does not exist', async () => {
    const result = await workload('explain', 'compositepodgroups/nope');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('compositepodgroups.scheduling.k8s.io "nope" not found in namespace "default"');
  });
});

describe('read-only, version by discovery', () => {
  it('read CompositePodGroups through v1alpha3 and PodGroups through v1beta1, with GET requests only', () => {
    const paths = server.requests.map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/apis/scheduling.k8s.io/v1alpha3/') && p.includes('/compositepodgroups'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/apis/scheduling.k8s.io/v1beta1/') && p.includes('/podgroups'))).toBe(true);
    expect(server.writes()).toEqual([]);
  });
});

describe('a 1.37 cluster serving only v1beta1 (ADM-10a)', () => {
  let betaOnly: TestApiServer;
  let betaKubeconfig: string;
  beforeAll(async () => {
    const objects = parseObjectsFile(await readFile(FIXTURE, 'utf8'), 'composite.yaml');
    betaOnly = await TestApiServer.start({ objects, kubernetesVersion: '1.37', schedulingVersions: ['v1beta1'] });
    betaKubeconfig = await writeKubeconfig({ server: betaOnly.url, caData: betaOnly.caData, token: betaOnly.token });
  });
  afterAll(() => betaOnly.close());

  it('explain says the parent kind is not served and how to serve it, asking nothing of v1alpha3 but discovery', async () => {
    const result = await run('kubectl', ['workload', 'explain', 'podgroup/train-workers', '-o', 'json'], kubectlEnv(home, betaKubeconfig));
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as ExplainDoc;
    expect(doc.links.map((l) => `${l.link}:${l.status}`)).toEqual(['workload:ok', 'parent:broken']);
    expect(doc.broken?.summary).toContain(
      'this cluster does not serve compositepodgroups: CompositePodGroup exists only in scheduling.k8s.io/v1alpha3',
    );
    expect(doc.links.find((l) => l.link === 'parent')?.refs).toEqual(['ADM-10a', 'X-30']);
    expect(betaOnly.requests.filter((r) => r.path.startsWith('/apis/scheduling.k8s.io/v1alpha3'))).toEqual([]);
    expect(betaOnly.writes()).toEqual([]);
  });
});
