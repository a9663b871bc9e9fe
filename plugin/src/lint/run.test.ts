import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { allGatesOnByVersion } from '@kubectl-workload/api';
import { findingField } from '@kubectl-workload/rules';
import { jsonFinding } from './format/json.js';
import { runLint } from './run.js';
import type { LintRun } from './run.js';
import { GANG_TEMPLATE, podYaml, scratchDir, workloadYaml } from './test-support/manifests.js';

const base: Omit<LintRun, 'paths'> = { gates: allGatesOnByVersion(), failOn: 'error' };

const GANG_GROUP =
  'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g, namespace: team-a}\nspec:\n  schedulingPolicy: {gang: {minCount: 2}}\n';
const jobYaml = (parallelism: number) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: team-a}\nspec:\n  parallelism: ${parallelism}\n  template:\n    spec:\n      schedulingGroup: {podGroupName: g}\n      containers: [{name: c, image: busybox}]\n`;

/** Makes `dir` a git repository with everything in it committed. */
function commitAll(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'v1');
}

describe('runLint', () => {
  it('walks directories for yaml, yml and json files only, and reports findings with positions', async () => {
    const dir = scratchDir({
      'a/ok.yaml': workloadYaml('ok', GANG_TEMPLATE),
      'a/b/empty.yml': `# comment\n${workloadYaml('empty', ' []')}`,
      'a/notes.txt': 'not: yaml: at all:',
      'c.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }),
    });
    const { report, exitCode } = await runLint({ ...base, paths: [dir] });
    expect(report.summary).toEqual({ files: 3, objects: 3, errors: 1, warnings: 0, infos: 0 });
    expect(report.findings.map(jsonFinding)).toEqual([
      {
        object: { apiVersion: 'scheduling.k8s.io/v1alpha2', kind: 'Workload', namespace: 'default', name: 'empty' },
        rule: 'WL-04',
        severity: 'error',
        field: 'spec.podGroupTemplates',
        reason: 'FieldValueRequired',
        message: 'spec.podGroupTemplates: Required value',
        file: join(dir, 'a/b/empty.yml'),
        line: 7,
        column: 3,
      },
    ]);
    expect(exitCode).toBe(1);
  });

  it('exits 0 without findings and 1 with findings at or above --fail-on', async () => {
    const dir = scratchDir({ 'ok.yaml': workloadYaml('ok', GANG_TEMPLATE) });
    expect((await runLint({ ...base, paths: [dir] })).exitCode).toBe(0);
    const bad = scratchDir({ 'bad.yaml': workloadYaml('bad', ' []') });
    expect((await runLint({ ...base, paths: [bad], failOn: 'info' })).exitCode).toBe(1);
  });

  it('reads standard input for -', async () => {
    const { report } = await runLint({ ...base, paths: ['-'], stdin: Readable.from([workloadYaml('s', ' []')]) });
    expect(report.findings.map((f) => [f.file, f.line, f.rule])).toEqual([['<stdin>', 6, 'WL-04']]);
  });

  it('exits 2 on unreadable input but still lints the rest', async () => {
    const dir = scratchDir({ 'x.yaml': `${workloadYaml('bad', ' []')}---\nfoo: [\n` });
    const { report, exitCode } = await runLint({ ...base, paths: [dir] });
    expect(report.findings.map((f) => f.rule)).toEqual(['WL-04']);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ file: join(dir, 'x.yaml') });
    expect(exitCode).toBe(2);
  });

  it('reports a path that does not exist, still lints the others, and exits 2 (issue 18 item 6)', async () => {
    const dir = scratchDir({ 'bad.yaml': workloadYaml('bad', ' []') });
    const { report, exitCode, unreadable } = await runLint({ ...base, paths: ['/no/such/dir', dir] });
    expect(unreadable).toEqual(['/no/such/dir: no such file or directory']);
    expect(report.findings.map((f) => f.rule)).toEqual(['WL-04']);
    expect(exitCode).toBe(2);
  });

  it('skips a Helm chart with a warning to lint its helm template output, errors and summary agreeing (issue 18 item 8)', async () => {
    const dir = scratchDir({
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'chart/values.yaml': 'replicas: 2\n',
      'chart/templates/job.yaml': 'kind: Job\nmetadata:\n  name: {{ .Release.Name }}\n',
      'plain/bad.yaml': workloadYaml('bad', ' []'),
    });
    const { report, exitCode, warnings, unreadable } = await runLint({ ...base, paths: [dir] });
    expect(warnings).toEqual([
      `${join(dir, 'chart')} is a Helm chart, not manifests: skipped; lint what it renders: helm template ${join(dir, 'chart')} | kubectl workload lint -`,
    ]);
    expect(unreadable).toEqual([]);
    expect(report.diagnostics).toEqual([]);
    expect(report.findings.map((f) => f.rule)).toEqual(['WL-04']);
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
    expect(exitCode).toBe(1);
  });

  it('warns about empty standard input (issue 18 item 18)', async () => {
    const { warnings, exitCode } = await runLint({ ...base, paths: ['-'], stdin: Readable.from(['\n']) });
    expect(warnings).toEqual(['standard input is empty: nothing to read']);
    expect(exitCode).toBe(0);
  });

  it('positions each finding in its own document of a multi-document file (POD-03 on the second pod only)', async () => {
    const dir = scratchDir({ 'pods.yaml': `${podYaml('good', 'group-a')}---\n${podYaml('bad', 'Bad_Group')}` });
    const { report } = await runLint({ ...base, paths: [dir] });
    const pod03 = report.findings.filter((f) => f.rule === 'POD-03');
    expect(pod03.map((f) => [f.object.name, findingField(f), f.line])).toEqual([['bad', 'spec.schedulingGroup.podGroupName', 20]]);
  });

  describe('--against', () => {
    it('lints objects found in the older set as UPDATEs (POD-04: schedulingGroup is immutable)', async () => {
      const old = scratchDir({ 'pod.yaml': podYaml('p', 'group-a') });
      const now = scratchDir({ 'pod.yaml': podYaml('p', 'group-b'), 'new.yaml': podYaml('q', 'group-c') });
      const { report } = await runLint({ ...base, paths: [now], against: old });
      expect(report.findings.filter((f) => f.rule === 'POD-04').map((f) => [f.object.name, findingField(f)])).toEqual([['p', 'spec']]);
      const created = await runLint({ ...base, paths: [now] });
      expect(created.report.findings.filter((f) => f.rule === 'POD-04')).toEqual([]);
    });

    it('lets cross-object rules see older objects the new set does not replace (JOB-14 needs the old PodGroup)', async () => {
      const old = scratchDir({ 'pg.yaml': GANG_GROUP, 'job.yaml': jobYaml(2) });
      const now = scratchDir({ 'job.yaml': jobYaml(3) });
      const { report } = await runLint({ ...base, paths: [now], against: old });
      expect(report.findings.filter((f) => f.rule === 'JOB-14').map((f) => [f.object.name, f.line])).toEqual([['j', 5]]);
    });

    it('lints one changed Job file against a revision with the gang PodGroup beside it (JOB-14, issue 18 item 7)', async () => {
      const repo = scratchDir({
        'deploy/pg.yaml': GANG_GROUP,
        'deploy/job.yaml': jobYaml(2),
        'deploy/notes.yaml': 'foo: [\n',
      });
      commitAll(repo);
      writeFileSync(join(repo, 'deploy/job.yaml'), jobYaml(3));
      const outside = scratchDir({});
      const { report, exitCode } = await runLint({ ...base, paths: [join(repo, 'deploy/job.yaml')], against: 'HEAD', cwd: outside });
      expect(report.findings.map((f) => [f.rule, f.object.name, f.line])).toEqual([['JOB-14', 'j', 5]]);
      // The files beside it are context only: an unreadable one is not this run's error.
      expect(report.diagnostics).toEqual([]);
      expect(report.summary).toMatchObject({ files: 1, objects: 1, errors: 1 });
      expect(exitCode).toBe(1);
      writeFileSync(join(repo, 'deploy/job.yaml'), jobYaml(2));
      const same = await runLint({ ...base, paths: [join(repo, 'deploy/job.yaml')], against: 'HEAD', cwd: repo });
      expect(same.report.findings).toEqual([]);
    });

    it('reads the older set from a git revision at the same paths', async () => {
      const repo = scratchDir({ 'deploy/pod.yaml': podYaml('p', 'group-a'), 'deploy/other.txt': 'x' });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'v1');
      writeFileSync(join(repo, 'deploy/pod.yaml'), podYaml('p', 'group-b'));
      const { report } = await runLint({ ...base, paths: [join(repo, 'deploy')], against: 'HEAD', cwd: repo });
      expect(report.findings.filter((f) => f.rule === 'POD-04').map((f) => f.object.name)).toEqual(['p']);
      const before = await runLint({ ...base, paths: [join(repo, 'deploy')], against: 'HEAD~1', cwd: repo });
      expect(before.report.findings.filter((f) => f.rule === 'POD-04')).toEqual([]);
      const outside = scratchDir({ 'pod.yaml': podYaml('p', 'g') });
      await expect(runLint({ ...base, paths: [outside], against: 'HEAD', cwd: repo })).rejects.toThrow(
        /^git ls-tree HEAD -- .*: fatal: .* is outside repository/,
      );
      // Run from outside any repository: the revision is read from the repository around the path (issue 18 item 7).
      const elsewhere = await runLint({ ...base, paths: [join(repo, 'deploy')], against: 'HEAD', cwd: outside });
      expect(elsewhere.report.findings.filter((f) => f.rule === 'POD-04').map((f) => f.object.name)).toEqual(['p']);
      const single = await runLint({ ...base, paths: [join(repo, 'deploy/pod.yaml')], against: 'HEAD', cwd: outside });
      expect(single.report.findings.filter((f) => f.rule === 'POD-04').map((f) => f.object.name)).toEqual(['p']);
    });

    it('rejects something that is neither a path nor a revision', async () => {
      const dir = scratchDir({ 'pod.yaml': podYaml('p', 'g') });
      await expect(runLint({ ...base, paths: [dir], against: 'no-such-ref-xyz', cwd: dir })).rejects.toThrow(
        '--against no-such-ref-xyz: neither an existing path nor a git revision',
      );
    });
  });
});
