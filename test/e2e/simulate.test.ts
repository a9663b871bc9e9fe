// `kubectl workload simulate --snapshot` through the real kubectl (plugin discovery on PATH).
// Needs `npm run build` (make test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { KubeObject, Pod, PodGroup } from '@kubectl-workload/api';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '' };
const dir = mkdtempSync(join(tmpdir(), 'simulate-e2e-'));

function kubectl(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['workload', ...args], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scenario's objects as a `kubectl get -o yaml` List file. */
function snapshotOf(scenario: string): string {
  const { objects } = parse(readFileSync(join(root, 'test/scenarios', scenario), 'utf8')) as { objects: KubeObject[] };
  const file = join(dir, scenario.replace('.yaml', '.list.yaml'));
  writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  return file;
}

describe('kubectl workload simulate (real kubectl)', () => {
  it('prints the group outcome, condition, placement, pod table and unschedulable messages', () => {
    const r = kubectl(['simulate', '--snapshot', snapshotOf('04-two-gangs-compete.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'PodGroup default/first (gang, minCount 3): Scheduled\n  condition: PodGroupScheduled=True reason=Scheduled\n',
    );
    expect(r.stdout).toContain('PodGroup default/second (gang, minCount 3): Unschedulable - pod group is unschedulable');
    expect(r.stdout).toMatch(/^ {2}f0 +Scheduled +n1$/m);
    expect(r.stdout).toContain(
      '  default/s0 (Unschedulable): pod group is unschedulable, waiting for minCount pods from a gang to be scheduled\n',
    );
    expect(r.stdout).toContain('  default/s1 (Unschedulable): 0/1 nodes are available: 1 Insufficient cpu.');
    expect(r.stdout).toContain('1 nodes; pods: 3 scheduled, 3 unschedulable, 0 gated');
  });

  it('-o json gives the documented report, with placements and the placement tie noted', () => {
    const r = kubectl(['simulate', '--snapshot', snapshotOf('17-tas-tie.yaml'), '-o', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      kind: string;
      podGroups: { outcome: string; placements: { chosen: string; feasible: string[] }; tieBroken: string }[];
      pods: { name: string; node: string }[];
    };
    expect(report.kind).toBe('SimulationReport');
    expect(report.podGroups[0]).toMatchObject({ outcome: 'Scheduled', placements: { chosen: 'x', feasible: ['x', 'y'] } });
    expect(report.podGroups[0]?.tieBroken).toContain('kube-scheduler picks one at random');
    expect(report.pods.map((p) => `${p.name}@${p.node}`)).toEqual(['m0@x1', 'm1@x1']);
  });

  it('words flag errors as kubectl does, with a suggestion, and rejects a flag without its value (issue 18 item 17)', () => {
    expect(kubectl(['status', '--no-header'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "error: unknown flag: --no-header (did you mean --no-headers?)\nSee 'kubectl workload status --help' for usage.\n",
    });
    expect(kubectl(['simulate', '--snapshot', snapshotOf('01-gang-fits.yaml'), '-o']).stderr).toBe(
      "error: flag needs an argument: 'o' in -o\nSee 'kubectl workload simulate --help' for usage.\n",
    );
    expect(kubectl(['simulate', '-n', '--snapshot', snapshotOf('01-gang-fits.yaml')]).stderr).toMatch(
      /^error: flag needs an argument: 'n' in -n\n/,
    );
  });

  it('words value, command and argument errors as kubectl does, never in yargs wording (issue 18 item 17)', () => {
    const usage = (command: string, message: string) => ({
      status: 2,
      stdout: '',
      stderr: `error: ${message}\nSee 'kubectl workload${command ? ` ${command}` : ''} --help' for usage.\n`,
    });
    expect(kubectl(['status', '-o', 'xml'])).toEqual(
      usage('status', 'unable to match a printer suitable for the output format "xml", allowed formats are: wide,json,yaml'),
    );
    expect(kubectl(['lint', '--fail-on=fatal', 'examples'])).toEqual(
      usage('lint', 'invalid argument "fatal" for "--fail-on" flag: must be one of error, warning, info'),
    );
    expect(kubectl(['stauts'])).toEqual(usage('', 'unknown command "stauts" for "kubectl workload" (did you mean "status"?)'));
    expect(kubectl(['explain'])).toEqual(usage('explain', 'received 0 arg(s), requires at least 1'));
    expect(kubectl(['diff', 'a', 'b'])).toEqual(usage('diff', 'unexpected argument: b'));
    expect(kubectl(['completion', 'fish'])).toEqual(usage('completion', 'invalid argument:\n  shell: "fish" is not one of "bash", "zsh"'));
  });

  it('warns about an empty --snapshot file instead of answering in silence (issue 18 item 18)', () => {
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    const r = kubectl(['status', '--snapshot', empty]);
    expect(r.stderr).toBe(`warning: snapshot "${empty}" holds no objects\nNo resources found in default namespace.\n`);
    expect(r.status).toBe(0);
  });

  it('-o yaml prints the same report as -o json, as plain YAML (issue 11 §3, issue 18 item 5)', () => {
    const snapshot = snapshotOf('17-tas-tie.yaml');
    const yaml = kubectl(['simulate', '--snapshot', snapshot, '-o', 'yaml']);
    expect(yaml.status).toBe(0);
    expect(yaml.stdout).not.toMatch(/[&*]a\d+\b/);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(kubectl(['simulate', '--snapshot', snapshot, '-o', 'json']).stdout));
  });

  it('--write-snapshot applies bindings and the condition, so a second run sees the gang scheduled', () => {
    const out = join(dir, 'after.yaml');
    expect(kubectl(['simulate', '--snapshot', snapshotOf('01-gang-fits.yaml'), '--write-snapshot', out, '-o', 'json']).status).toBe(0);
    const after = parse(readFileSync(out, 'utf8')) as { items: KubeObject[] };
    const pods = after.items.filter((o) => o.kind === 'Pod') as Pod[];
    expect(pods.every((p) => typeof p.spec?.nodeName === 'string')).toBe(true);
    const group = after.items.find((o) => o.kind === 'PodGroup') as PodGroup;
    expect(group.status?.conditions?.[0]).toMatchObject({
      type: 'PodGroupScheduled',
      status: 'True',
      reason: 'Scheduled',
      observedGeneration: 1,
    });
    const again = JSON.parse(kubectl(['simulate', '--snapshot', out, '-o', 'json']).stdout) as { pods: unknown[]; podGroups: unknown[] };
    expect(again).toMatchObject({ pods: [], podGroups: [] });
  });

  it('--pod-group runs one cycle and rejects a group no pending pod refers to', () => {
    const file = snapshotOf('23-single-pod-group-run.yaml');
    const one = JSON.parse(kubectl(['simulate', '--snapshot', file, '--pod-group', 'default/second', '-o', 'json']).stdout) as {
      mode: string;
      pods: { name: string }[];
    };
    expect(one.mode).toBe('podGroup');
    expect(one.pods.map((p) => p.name)).toEqual(['s0', 's1']);
    const bad = kubectl(['simulate', '--snapshot', file, '--pod-group', 'default/nope']);
    expect(bad).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'error: --pod-group default/nope: no pending pod refers to this PodGroup\n',
    });
    // NAME alone is in the namespace of -n, as kubectl resolves names (issue 18 item 16).
    expect(kubectl(['simulate', '--snapshot', file, '--pod-group', 'second', '-n', 'default', '-o', 'json']).stdout).toBe(
      kubectl(['simulate', '--snapshot', file, '--pod-group', 'default/second', '-o', 'json']).stdout,
    );
    expect(kubectl(['simulate', '--snapshot', file, '--pod-group', 'second', '-n', 'other']).stderr).toBe(
      'error: --pod-group other/second: no pending pod refers to this PodGroup\n',
    );
  });

  it('names the file, document and object in input errors, without a stack trace', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {allocatable: {cpu: lots}}\n');
    const r = kubectl(['simulate', '--snapshot', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `error: ${broken}: Node n1: status.allocatable[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    );
    const shape = join(dir, 'shape.yaml');
    writeFileSync(shape, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec: {containers: c}\n');
    expect(kubectl(['simulate', '--snapshot', shape])).toMatchObject({
      status: 2,
      stderr: `error: ${shape}: Pod ns/p: spec.containers: expected a list, got string "c"\n`,
    });
    const missing = kubectl(['simulate', '--snapshot', join(dir, 'absent.yaml')]);
    expect(missing.stderr).toBe(`error: cannot read snapshot "${join(dir, 'absent.yaml')}" (--snapshot): no such file\n`);
  });
});
