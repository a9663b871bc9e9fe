// Default topology spreading: System defaults in the default profile, List defaults from
// --scheduler-config, selectors deduced from Services and owning controllers as upstream
// helper.DefaultSelector does. Expected scores are upstream's podtopologyspread scoring_test.go.

import type { KubeObject, LabelSelector, Node, Pod, ReplicaSet, Service } from '@kubectl-workload/api';
import { schedulerConfiguration } from './config/scheduler-config.js';
import { simulationInput } from './input.js';
import { Simulation, type SimulationOptions } from './simulation.js';
import { node, pod } from './test-support/builders.js';
import { SpreadSelectors } from './spread-defaults.js';

const HOST = 'kubernetes.io/hostname';
const host = (name: string, labels: Record<string, string> = {}): Node => node(name, {}, { labels: { [HOST]: name, ...labels } });
const foo = { foo: '' };
const rsOwner = (name: string) => [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, controller: true }];
const owned = (p: Pod, owners: ReturnType<typeof rsOwner>): Pod => ({ ...p, metadata: { ...p.metadata, ownerReferences: owners } });
const bound = (name: string, nodeName: string, labels: Record<string, string> = foo): Pod => pod(name, { nodeName }, { labels });
const service = (selector: Record<string, string> | undefined, namespace = 'default'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'svc', namespace },
  spec: selector ? { selector } : {},
});
const replicaSet = (name: string, selector: LabelSelector): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: { selector },
});

/** Matching pods spread 4/3/2/1 over node-a..node-d (no zone labels), as upstream's "system defaulting" cases. */
const SPREAD_4321 = [
  ...['a1', 'a2', 'a3', 'a4'].map((n) => bound(`p-${n}`, 'node-a')),
  ...['b1', 'b2', 'b3'].map((n) => bound(`p-${n}`, 'node-b')),
  ...['c1', 'c2'].map((n) => bound(`p-${n}`, 'node-c')),
  bound('p-d1', 'node-d'),
];
const FOUR_NODES = ['node-a', 'node-b', 'node-c', 'node-d'].map((n) => host(n));

function run(objects: KubeObject[], options: SimulationOptions = {}) {
  return new Simulation(simulationInput(objects), { trace: true, now: '2026-05-01T00:00:00Z', ...options }).runToQuiescence();
}

/** PodTopologySpread's weighted score (weight 2 in the default profile) per node for pod `p`. */
function spreadScores(objects: KubeObject[], name = 'p', options: SimulationOptions = {}): Record<string, number | undefined> {
  const trace = run(objects, options).pods.find((r) => r.name === name)?.trace;
  return Object.fromEntries(Object.entries(trace?.finalScore ?? {}).map(([n, s]) => [n, s.PodTopologySpread]));
}

describe('default topology spreading (System, the default profile)', () => {
  it('scoring_test "system defaulting, nodes don\'t have zone, pods match service": 44, 66, 77, 100 (×2 weight)', () => {
    const p = pod('p', {}, { labels: foo });
    expect(spreadScores([...FOUR_NODES, ...SPREAD_4321, service(foo), p])).toEqual({
      'node-a': 88,
      'node-b': 132,
      'node-c': 154,
      'node-d': 200,
    });
  });

  it('selects by the owning ReplicaSet just as by a Service (same upstream numbers)', () => {
    const p = owned(pod('p', {}, { labels: foo }), rsOwner('rs1'));
    const rs = replicaSet('rs1', { matchExpressions: [{ key: 'foo', operator: 'Exists' }] });
    expect(spreadScores([...FOUR_NODES, ...SPREAD_4321, rs, p])).toEqual({ 'node-a': 88, 'node-b': 132, 'node-c': 154, 'node-d': 200 });
  });

  it('gives no defaults to a pod nothing selects: no Service, a ReplicaSet that is missing, a Service without a selector', () => {
    for (const extra of [[], [service(undefined)], [service(foo, 'other')]]) {
      const p = owned(pod('p', {}, { labels: foo }), rsOwner('gone'));
      expect(Object.values(spreadScores([...FOUR_NODES, ...SPREAD_4321, ...extra, p])).every((s) => s === undefined || s === 0)).toBe(true);
    }
  });

  it('a pod with constraints of its own ignores the defaults (upstream getConstraints)', () => {
    const own = {
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: HOST, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { bar: 'x' } } },
      ],
    };
    const p = pod('p', own, { labels: foo });
    expect(Object.values(spreadScores([...FOUR_NODES, ...SPREAD_4321, service(foo), p])).every((s) => s === undefined || s === 0)).toBe(
      true,
    );
  });

  it('with a zone label, a node without a zone is still scored by hostname; its missing zone counts as a domain of its own', () => {
    // zone weight log(2 domains "z1" and "" + 2); node-c has no zone: hostname only.
    const nodes = [
      host('node-a', { 'topology.kubernetes.io/zone': 'z1' }),
      host('node-b', { 'topology.kubernetes.io/zone': 'z1' }),
      host('node-c'),
    ];
    const pods = [bound('p-a1', 'node-a'), bound('p-a2', 'node-a'), bound('p-c1', 'node-c')];
    const p = pod('p', {}, { labels: foo });
    // raw: a = 2·ln5 + 2 + 2·ln4 + 4 = 12.0 → 12; b = 0 + 2 + 2·ln4 + 4 = 8.77 → 9; c = 1·ln5 + 2 = 3.6 → 4.
    // normalised (max 12, min 4): a 33, b 58, c 100; ×2.
    expect(spreadScores([...nodes, ...pods, service(foo), p])).toEqual({ 'node-a': 66, 'node-b': 116, 'node-c': 200 });
  });
});

describe('default topology spreading (List, from --scheduler-config)', () => {
  const listConfig = (constraints: object[]) =>
    schedulerConfiguration(
      {
        apiVersion: 'kubescheduler.config.k8s.io/v1',
        kind: 'KubeSchedulerConfiguration',
        profiles: [{ pluginConfig: [{ name: 'PodTopologySpread', args: { defaultingType: 'List', defaultConstraints: constraints } }] }],
      },
      'sched.yaml',
    );
  const zoned = [host('node-a', { zone: 'z1' }), host('node-b', { zone: 'z1' }), host('node-x', { zone: 'z2' })];

  it('applies a DoNotSchedule default at Filter: the ReplicaSet pod goes to the emptier zone', () => {
    const { profiles } = listConfig([{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }]);
    const rs = replicaSet('rs1', { matchLabels: { app: 'web' } });
    const web = { app: 'web' };
    const pods = [bound('w-1', 'node-a', web), bound('w-2', 'node-b', web)];
    const p = owned(pod('p', {}, { labels: web }), rsOwner('rs1'));
    const result = run([...zoned, ...pods, rs, p], { profiles });
    expect(result.pods.find((r) => r.name === 'p')?.node).toBe('node-x');
    // Without the default (System: ScheduleAnyway only) node-a/node-b stay feasible.
    const trace = run([...zoned, ...pods, rs, p]).pods.find((r) => r.name === 'p')?.trace;
    expect(Object.keys(trace?.finalScore ?? {})).toEqual(['node-a', 'node-b', 'node-x']);
  });

  it('requires every topology key under List defaulting: a node without the key is not scored', () => {
    const { profiles } = listConfig([{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }]);
    const nodes = [...zoned, host('node-y')];
    const p = pod('p', {}, { labels: foo });
    const scores = spreadScores([...nodes, bound('p-a1', 'node-a'), service(foo), p], 'p', { profiles });
    expect(scores['node-y']).toBe(0);
    // zone z1 holds 1 matching pod, z2 none: raw 1·ln4 → 1 and 0; normalised 0 and 100, ×2.
    expect(scores).toMatchObject({ 'node-a': 0, 'node-b': 0, 'node-x': 200 });
  });

  it("reads List defaults with their policies, and System as upstream's two defaults", () => {
    const { profiles } = listConfig([{ maxSkew: 2, topologyKey: 'rack', whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor' }]);
    expect(profiles[0]?.spreadDefaults).toEqual({
      systemDefaulted: false,
      constraints: [{ maxSkew: 2, topologyKey: 'rack', whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor' }],
    });
    expect(() => listConfig([{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'Sometimes' }])).toThrow(
      /sched\.yaml: profiles\[0\]\.pluginConfig\[0\]\.args\.defaultConstraints\[0\]\.whenUnsatisfiable/,
    );
  });
});

describe('SpreadSelectors (helper.DefaultSelector)', () => {
  it('merges matching Services and adds the ReplicaSet selector as requirements', () => {
    const selectors = new SpreadSelectors({
      services: [service({ app: 'web' }), service({ tier: 'front' }), service({ app: 'other' })],
      replicaSets: [replicaSet('rs1', { matchExpressions: [{ key: 'pod-template-hash', operator: 'Exists' }] })],
    });
    const p = owned(pod('p', {}, { labels: { app: 'web', tier: 'front', 'pod-template-hash': 'x' } }), rsOwner('rs1'));
    expect(selectors.selectorFor(p)).toEqual({
      matchExpressions: [
        { key: 'app', operator: 'In', values: ['web'] },
        { key: 'tier', operator: 'In', values: ['front'] },
        { key: 'pod-template-hash', operator: 'Exists' },
      ],
    });
  });
});
