// The GitHub Action as the runner starts it: `node action/dist/main.cjs` with INPUT_* variables and
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. Checks the SARIF log, the annotations, the job summary
// table, the step outputs and the exit code against the plugin's own JSON report of the same input.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { run } from '@kubectl-workload/test';
import { sarifValidator } from '../../plugin/src/lint/format/test-support/sarif-schema.js';
import { ROOT } from './installed-plugin-checks.js';

const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; main: string };
};

interface ActionRun {
  code: number;
  stdout: string;
  sarif: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs the bundled action with the given inputs (defaults as action.yml declares them). */
async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'kw-action-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = { ...files };
  for (const [name, spec] of Object.entries(ACTION.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default;
  env['INPUT_SARIF-FILE'] = join(dir, 'results.sarif');
  const result = await run(process.execPath, [join(ROOT, ACTION.runs.main)], env, 60_000);
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const outputs = Object.fromEntries(
    read(files.GITHUB_OUTPUT)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return {
    code: result.code,
    stdout: result.stdout,
    sarif: read(join(dir, 'results.sarif')),
    summary: read(files.GITHUB_STEP_SUMMARY),
    outputs,
  };
}

function cliJson(paths: string[]) {
  const out = spawnSync(process.execPath, [join(ROOT, 'plugin/bin/kubectl-workload.js'), 'lint', ...paths, '-o', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out.stdout) as {
    findings: Array<{ rule: string; file: string; line: number }>;
    summary: { errors: number; warnings: number; infos: number };
  };
}

beforeAll(async () => {
  const built = await run(process.execPath, [join(ROOT, 'scripts/release/build.mjs'), 'action'], {}, 300_000);
  expect(built).toMatchObject({ code: 0, stdout: 'action/dist/main.cjs\n' });
}, 300_000);

describe('action.yml', () => {
  it('runs the bundle on node24 and declares the five inputs', () => {
    expect(ACTION.runs).toEqual({ using: 'node24', main: 'action/dist/main.cjs' });
    expect(Object.keys(ACTION.inputs)).toEqual(['paths', 'against', 'fail-on', 'feature-gates', 'sarif-file']);
  });
});

describe('the bundled action on broken manifests', () => {
  const paths = ['examples/broken', 'examples/workload'];
  let result: ActionRun;
  beforeAll(async () => {
    result = await runAction({ paths: paths.join('\n') });
  }, 120_000);

  it('exits 1 like lint and sets the counts as step outputs', () => {
    const { summary } = cliJson(paths);
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      'sarif-file': expect.stringMatching(/results\.sarif$/),
      errors: String(summary.errors),
      warnings: String(summary.warnings),
      infos: String(summary.infos),
    });
  });

  it('writes a valid SARIF 2.1.0 log with one result per finding', () => {
    const log = JSON.parse(result.sarif) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarifValidator()(log)).toEqual([]);
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(cliJson(paths).findings.map((f) => f.rule));
  });

  it("prints ::error annotations at the finding's file and line", () => {
    expect(result.stdout.split('\n')).toContain(
      '::error file=examples/broken/workloads.yaml,line=9,col=3,title=WL-04 Workload ml-training/empty::spec.podGroupTemplates: Required value',
    );
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(cliJson(paths).summary.errors);
  });

  it('appends a findings table to the job summary', () => {
    const { findings, summary } = cliJson(paths);
    const lines = result.summary.split('\n');
    expect(lines).toContain('| Severity | Rule | Object | Location | Message |');
    expect(lines).toContain(
      '| error | WL-04 | Workload ml-training/empty | examples/broken/workloads.yaml:9:3 | spec.podGroupTemplates: Required value |',
    );
    expect(lines.filter((l) => /^\| (error|warning|info) \|/.test(l))).toHaveLength(findings.length);
    expect(lines[0]).toBe('### kubectl workload lint');
    expect(lines[2]).toMatch(new RegExp(`: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} info$`));
  });
});

describe('the bundled action on other inputs', () => {
  it('clean manifests: exit 0, "No findings." in the summary, zero counts', async () => {
    const result = await runAction({ paths: 'examples/workload' });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('No findings.\n');
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', infos: '0' });
  });

  it('fail-on: warning fails on a warning the default lets pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-action-in-'));
    const lostPod = join(dir, 'pod.yaml');
    writeFileSync(
      lostPod,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lost\nspec:\n  schedulingGroup:\n    podGroupName: missing\n  containers: [{name: c, image: busybox}]\n',
    );
    expect((await runAction({ paths: lostPod })).code).toBe(0);
    const strict = await runAction({ paths: lostPod, 'fail-on': 'warning' });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::warning file=.*pod\.yaml,line=7,col=5,title=X-15 Pod default\/lost::/m);
  });

  it('unreadable input: exit 2 and one ::error naming the problem, no outputs', async () => {
    const result = await runAction({ paths: 'no/such/dir' });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error title=kubectl workload lint::.*no\/such\/dir/m);
    expect(result.outputs).toEqual({});
  });

  it('feature-gates reach lint: an unknown gate is an input error', async () => {
    const result = await runAction({ paths: 'examples/workload', 'feature-gates': 'NoSuchGate=true' });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error title=kubectl workload lint::.*NoSuchGate/m);
  });
});
