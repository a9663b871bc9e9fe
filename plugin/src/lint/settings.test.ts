// Where teams configure lint: the rules file (--config or .kubectl-workload.yaml at the repository
// root), the per-object ignore annotation, and a cluster's objects for the cross-object rules.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allGatesOnByVersion } from '@kubectl-workload/api';
import type { KubeObject } from '@kubectl-workload/api';
import { UserError } from '../exit.js';
import { loadLintConfig } from './config.js';
import { jsonFinding } from './format/json.js';
import { runLint } from './run.js';
import type { LintRun } from './run.js';
import { podYaml, scratchDir } from './test-support/manifests.js';

const base: Omit<LintRun, 'paths'> = { gates: allGatesOnByVersion(), failOn: 'warning' };
// A Pod naming a PodGroup the input lacks: X-15, a warning.
const LOST_POD = podYaml('lost', 'training-workers');
const rulesOf = async (run: Partial<LintRun> & { paths: string[] }) =>
  (await runLint({ ...base, ...run })).report.findings.map((f) => `${f.rule} ${f.severity}`);

describe('the rules file', () => {
  it('X-15: off drops the finding, X-15: deny makes it an error; the summary names the file', async () => {
    const dir = scratchDir({ 'pod.yaml': LOST_POD, 'off.yaml': 'rules:\n  X-15: off\n', 'deny.yaml': 'rules:\n  X-15: deny\n' });
    const paths = [join(dir, 'pod.yaml')];
    expect(await rulesOf({ paths })).toEqual(['X-15 warning']);
    const off = await runLint({ ...base, paths, config: (await loadLintConfig(join(dir, 'off.yaml')))! });
    expect(off.report.findings).toEqual([]);
    expect(off.report.summary.config).toBe(join(dir, 'off.yaml'));
    expect(off.exitCode).toBe(0);
    expect(await rulesOf({ paths, config: (await loadLintConfig(join(dir, 'deny.yaml')))! })).toEqual(['X-15 error']);
  });

  it('finds .kubectl-workload.yaml at the git repository root from a subdirectory, named relative to it', async () => {
    const dir = scratchDir({ '.kubectl-workload.yaml': 'rules:\n  X-15: warn\n' });
    execFileSync('git', ['init', '-q', dir]);
    mkdirSync(join(dir, 'deploy/team'), { recursive: true });
    expect(await loadLintConfig(undefined, join(dir, 'deploy/team'))).toEqual({
      file: '../../.kubectl-workload.yaml',
      overrides: { 'X-15': 'warning' },
    });
  });

  it('none found: no settings; a bad file: a user error naming file and key', async () => {
    const dir = scratchDir({ 'bad.yaml': 'rules:\n  X-15: of\n' });
    execFileSync('git', ['init', '-q', dir]);
    expect(await loadLintConfig(undefined, dir)).toBeUndefined();
    await expect(loadLintConfig(join(dir, 'bad.yaml'))).rejects.toThrow(
      new UserError(`${join(dir, 'bad.yaml')}: rules.X-15: expected deny, warn or off, got "of"`),
    );
    await expect(loadLintConfig(join(dir, 'absent.yaml'))).rejects.toThrow(/absent\.yaml: cannot read/);
  });
});

describe('kubectl-workload.dev/ignore', () => {
  const annotated = (ids: string) =>
    LOST_POD.replace('  namespace: team-a\n', `  namespace: team-a\n  annotations:\n    kubectl-workload.dev/ignore: "${ids}"\n`);

  it('silences the listed rules for that object only', async () => {
    const dir = scratchDir({ 'a.yaml': annotated('X-15,X-18'), 'b.yaml': LOST_POD.replace('name: lost', 'name: other') });
    const { report } = await runLint({ ...base, paths: [dir] });
    expect(report.findings.map((f) => `${f.rule} ${f.object.name}`)).toEqual(['X-15 other']);
  });

  it('an id no rule has is a warning at the annotation', async () => {
    const dir = scratchDir({ 'a.yaml': annotated('X-15, X-99') });
    const { report, exitCode } = await runLint({ ...base, paths: [join(dir, 'a.yaml')] });
    expect(report.findings.map(jsonFinding)).toEqual([
      expect.objectContaining({
        rule: 'LINT-IGNORE',
        severity: 'warning',
        field: 'metadata.annotations[kubectl-workload.dev/ignore]',
        message: 'metadata.annotations[kubectl-workload.dev/ignore]: Not found: "X-99": no rule has this id, so it ignores nothing',
        line: 7,
      }),
    ]);
    expect(exitCode).toBe(1); // --fail-on warning
  });
});

describe("a cluster's objects", () => {
  const podGroup: KubeObject = {
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name: 'training-workers', namespace: 'team-a' },
    spec: { schedulingPolicy: { gang: { minCount: 1 } } },
  } as KubeObject;

  it('resolve cross-object rules: the PodGroup the Pod names exists in the cluster (X-15 gone)', async () => {
    const dir = scratchDir({ 'pod.yaml': LOST_POD });
    expect(await rulesOf({ paths: [dir], cluster: [podGroup] })).toEqual([]);
    expect(
      await rulesOf({ paths: [dir], cluster: [{ ...podGroup, metadata: { name: 'training-workers', namespace: 'team-b' } }] }),
    ).toEqual(['X-15 warning']);
  });

  it('the input replaces a cluster object of the same kind/namespace/name', async () => {
    const dir = scratchDir({
      'pod.yaml': LOST_POD,
      'pg.yaml':
        'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata:\n  name: training-workers\n  namespace: team-a\nspec:\n  schedulingPolicy:\n    basic: {}\n',
    });
    const { report } = await runLint({ ...base, paths: [dir], cluster: [podGroup] });
    expect(report.findings.filter((f) => f.rule === 'X-15')).toEqual([]);
  });
});
