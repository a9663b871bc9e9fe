// `kubectl workload lint` through the real kubectl (plugin discovery on PATH) on the examples.
// Needs `npm run build` (make test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sarifValidator } from '../../plugin/src/lint/format/test-support/sarif-schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '' };

function kubectl(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['workload', ...args], { cwd: root, env, input, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
  object: { kind: string; namespace: string; name: string };
}

describe('kubectl workload lint (real kubectl)', () => {
  it('passes the clean examples with exit code 0', () => {
    const r = kubectl(['lint', 'examples/gang-training', 'examples/workload']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+ objects in 4 files: /m);
    expect(r.stdout).not.toMatch(/: error /);
    expect(r.status).toBe(0);
  });

  it('reports the broken examples with file:line:col and exit code 1', () => {
    const r = kubectl(['lint', 'examples/broken']);
    expect(r.stdout).toContain(
      'examples/broken/workloads.yaml:9:3: error WL-04 Workload ml-training/empty: spec.podGroupTemplates: Required value\n',
    );
    expect(r.status).toBe(1);
  });

  it('-o json carries every finding with its object, rule and position', () => {
    const r = kubectl(['lint', 'examples/broken', '-o', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[]; errors: unknown[]; summary: { files: number; errors: number } };
    expect(report.errors).toEqual([]);
    expect(report.summary.files).toBe(4);
    const at = (rule: string) =>
      report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column} ${f.object.name} ${f.field}`);
    expect(at('WL-04')).toEqual(['examples/broken/workloads.yaml:9:3 empty spec.podGroupTemplates']);
    expect(at('POD-03')).toEqual(['examples/broken/pods.yaml:9:5 bad-group-name spec.schedulingGroup.podGroupName']);
    // A missing field points at its nearest existing parent: the template's `schedulingGroup: {}`.
    expect(at('POD-06')).toEqual(['examples/broken/pods.yaml:43:7 inference spec.template.spec.schedulingGroup.podGroupName']);
    expect(at('PG-07')).toEqual(['examples/broken/podgroups.yaml:8:3 two-policies spec.schedulingPolicy']);
    expect(at('WL-08')).toEqual(['examples/broken/workloads.yaml:19:7 bad-templates spec.podGroupTemplates[0].name']);
    expect(at('WL-10')).toEqual([
      'examples/broken/workloads.yaml:25:11 bad-templates spec.podGroupTemplates[1].schedulingPolicy.gang.minCount',
    ]);
    expect(at('X-01').map((f) => f.replace(/ \S+$/, ''))).toEqual(['examples/broken/podgroups.yaml:33:7 orphan']);
    expect(at('X-21')).toEqual(['examples/broken/jobs.yaml:32:9 too-small spec.template.spec.schedulingGroup.podGroupName']);
    expect(at('X-23')).toEqual([
      'examples/broken/jobs.yaml:6:3 a-very-long-training-job-name-that-goes-past-the-limit-abcdef metadata.name',
    ]);
    const families = new Set(report.findings.map((f) => f.rule.replace(/-\d+$/, '')));
    expect([...families].sort()).toEqual(['PG', 'POD', 'WL', 'X']);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it('-o sarif is a valid SARIF 2.1.0 log of the same findings', () => {
    const r = kubectl(['lint', 'examples/broken', '-o', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: object } }> }>;
      }>;
    };
    expect(sarifValidator()(log)).toEqual([]);
    const wl04 = log.runs[0]?.results.find((res) => res.ruleId === 'WL-04');
    expect(wl04?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/broken/workloads.yaml' },
      region: { startLine: 9, startColumn: 3 },
    });
    const json = JSON.parse(kubectl(['lint', 'examples/broken', '-o', 'json']).stdout) as { findings: unknown[] };
    expect(log.runs[0]?.results).toHaveLength(json.findings.length);
    expect(r.status).toBe(1);
  });

  it('-o junit has a test case per object', () => {
    const r = kubectl(['lint', 'examples/workload', '-o', 'junit']);
    expect(r.stdout).toContain('<testcase name="Workload ml-training/train-llm" classname="examples/workload/workload.yaml"/>');
    expect(r.stdout.match(/<testcase /g)).toHaveLength(5);
    expect(r.status).toBe(0);
  });

  it('-o github prints workflow annotations', () => {
    const r = kubectl(['lint', 'examples/broken/workloads.yaml', '-o', 'github']);
    expect(r.stdout.split('\n')).toContain(
      '::error file=examples/broken/workloads.yaml,line=9,col=3,title=WL-04 Workload ml-training/empty::spec.podGroupTemplates: Required value',
    );
    expect(r.status).toBe(1);
  });

  it('reads standard input for -', () => {
    const r = kubectl(['lint', '-'], 'apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata:\n  name: w\nspec: {}\n');
    expect(r.stdout).toContain('<stdin>:5:1: error WL-04 Workload default/w: spec.podGroupTemplates: Required value');
    expect(r.status).toBe(1);
  });

  it('--fail-on decides which findings fail the run (X-15 is a warning)', () => {
    const lostPod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lost\nspec:\n  schedulingGroup:\n    podGroupName: missing\n  containers: [{name: c, image: busybox}]\n';
    const byDefault = kubectl(['lint', '-'], lostPod);
    expect(byDefault.stdout).toContain(
      '<stdin>:7:5: warning X-15 Pod default/lost: spec.schedulingGroup.podGroupName: Not found: "missing"',
    );
    expect(byDefault.status).toBe(0);
    expect(kubectl(['lint', '-', '--fail-on', 'warning'], lostPod).status).toBe(1);
  });

  it('--against lints changes as UPDATEs: immutable templates (WL-29) and the parallelism lock (JOB-14)', () => {
    const r = kubectl(['lint', 'examples/changed', '--against', 'examples/workload', '-o', 'json']);
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'JOB-14 examples/changed/job.yaml:10:3 cannot change parallelism for a Job referencing gang-scheduled PodGroup "train-llm-workers"',
      'WL-29 examples/changed/workload.yaml:10:3 spec.podGroupTemplates: Invalid value: null: field is immutable',
    ]);
    expect(r.status).toBe(1);
    expect(kubectl(['lint', 'examples/changed', '--against', 'examples/changed']).status).toBe(0);
  });

  it('a YAML syntax error is exit code 2 with file:line:col and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-e2e-'));
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n');
    const r = kubectl(['lint', join(dir, 'bad.yaml')]);
    expect(r.stderr).toMatch(new RegExp(`^error: ${join(dir, 'bad.yaml')}:5:1: YAML syntax error: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  });

  it('something that is not a Kubernetes object is exit code 2 naming file and line', () => {
    const r = kubectl(['lint', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nname: not-an-object\n');
    expect(r.stderr).toBe('error: <stdin>:5:1: not a Kubernetes object: missing apiVersion and kind\n');
    expect(r.status).toBe(2);
  });

  it('lints and reports the other paths when one does not exist, then exits 2 (issue 18 item 6)', () => {
    const r = kubectl(['lint', 'nonexist.yaml', 'examples/broken/workloads.yaml']);
    expect(r.stderr).toBe('error: nonexist.yaml: no such file or directory\n');
    expect(r.stdout).toContain(
      'examples/broken/workloads.yaml:9:3: error WL-04 Workload ml-training/empty: spec.podGroupTemplates: Required value\n',
    );
    expect(r.status).toBe(2);
  });

  it('skips a Helm chart directory with a warning to lint helm template output (issue 18 item 8)', () => {
    const r = kubectl(['lint', 'charts/workload-webhook']);
    expect(r.stderr).toBe(
      'warning: charts/workload-webhook is a Helm chart, not manifests: skipped; lint what it renders: helm template charts/workload-webhook | kubectl workload lint -\n',
    );
    expect(r.stdout).toBe('0 objects in 0 files: no findings\n');
    expect(r.status).toBe(0);
  });

  it('warns about empty standard input (issue 18 item 18)', () => {
    const r = kubectl(['lint', '-'], '');
    expect(r.stderr).toBe('warning: standard input is empty: nothing to read\n');
    expect(r.status).toBe(0);
  });

  it.each([
    [['lint', 'examples/nope'], 'error: examples/nope: no such file or directory\n'],
    [['lint', 'examples/workload', '--feature-gates', 'Bogus=true'], 'error: --feature-gates: unrecognized feature gate: Bogus\n'],
    [
      ['lint', 'examples/workload', '--against', 'not-a-path-or-ref'],
      'error: --against not-a-path-or-ref: neither an existing path nor a git revision\n',
    ],
  ])('usage and I/O errors exit 2: %j', (args, stderr) => {
    const r = kubectl(args);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(2);
  });

  it('rejects an unknown --fail-on value with exit code 2', () => {
    const r = kubectl(['lint', 'examples/workload', '--fail-on', 'fatal']);
    expect(r.stderr).toBe(
      'error: invalid argument "fatal" for "--fail-on" flag: must be one of error, warning, info\nSee \'kubectl workload lint --help\' for usage.\n',
    );
    expect(r.status).toBe(2);
  });
});
