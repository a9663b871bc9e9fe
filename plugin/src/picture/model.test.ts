// The picture's page model (issue 16) from real runs of simulate and explain on a small racked
// cluster: nodes regrouped per domain with their free figures, each gang's placements per domain
// (chosen, feasible with its PlacementScore, infeasible), its pods on their nodes and its filter
// reasons, all read from the JSON document `-o json` prints.

import { emptyState } from '@kubectl-workload/cluster';
import type { KubeObject } from '@kubectl-workload/api';
import { explain } from '../explain/chain.js';
import { explainDocument } from '../explain/render.js';
import { resolveTarget } from '../explain/target.js';
import { runSimulateCommand } from '../simulate/report.js';
import { node, pod, podGroup } from '../status/test-support/objects.js';
import { pictureModel, type ExplanationDocument, type PictureModel, type SimulationDocument } from './model.js';
import { asJson } from './page.js';

const RACK = 'example.com/rack';
const NOW = '2026-11-23T12:00:00Z';
const cpu = (n: string) => ({ cpu: n, memory: '16Gi', pods: '110' });

// rack-a: 8 free cpu (4 pods of 2); rack-b: 12 cpu with 2 taken (5 pods); rack-c: 1 cpu (none).
const nodes = [
  node('a1', { [RACK]: 'rack-a' }, cpu('4')),
  node('b1', { [RACK]: 'rack-b' }, cpu('4')),
  node('a2', { [RACK]: 'rack-a' }, cpu('4')),
  node('b2', { [RACK]: 'rack-b' }, cpu('4')),
  node('b3', { [RACK]: 'rack-b' }, cpu('4')),
  node('c1', { [RACK]: 'rack-c' }, cpu('1')),
  node('loose', {}, cpu('2')),
];
const train = podGroup('train', { schedulingPolicy: { gang: { minCount: 4 } }, schedulingConstraints: { topology: [{ key: RACK }] } });
const big = podGroup('big', { schedulingPolicy: { gang: { minCount: 2 } } });
const pods = [
  pod('taken', undefined, { nodeName: 'b1', requests: { cpu: '2' } }),
  ...[0, 1, 2, 3].map((i) => pod(`train-${i}`, 'train', { requests: { cpu: '2' } })),
  ...[0, 1].map((i) => pod(`big-${i}`, 'big', { requests: { cpu: '8' } })),
];
const objects: KubeObject[] = [...nodes, train, big, ...pods];

const domainsOf = (m: PictureModel) => m.domains.map((d) => [d.name, m.nodes.slice(d.first, d.first + d.count).map((n) => n.name)]);

describe('the picture model of a simulate run', () => {
  const { report } = runSimulateCommand(objects, { picture: {}, now: NOW });
  const model = pictureModel(asJson(report) as SimulationDocument);
  const trainGroup = model.groups.find((g) => g.id === 'default/train');
  const bigGroup = model.groups.find((g) => g.id === 'default/big');

  it('groups the nodes per domain of the gang topology key, in order of their first node', () => {
    expect(model.command).toBe('simulate');
    expect(model.groupBy).toBe(RACK);
    expect(domainsOf(model)).toEqual([
      ['rack-a', ['a1', 'a2']],
      ['rack-b', ['b1', 'b2', 'b3']],
      ['rack-c', ['c1']],
      [`(no ${RACK} label)`, ['loose']],
    ]);
  });

  it('says per domain what is free after the run', () => {
    const chosen = report.podGroups.find((g) => g.name === 'train')?.placements?.chosen;
    // LeastAllocated: the emptier rack-a scores higher and takes all 8 cpu the gang asks for.
    expect(chosen).toBe('rack-a');
    expect(model.domains.map((d) => d.free.cpu)).toEqual(['0', '10', '1', '2']);
    expect(model.domains[0]?.free.memory).toBe('32Gi');
  });

  it('labels each domain with how the gang placement judged it, with its score', () => {
    const scores = report.podGroups.find((g) => g.name === 'train')?.placements?.scores ?? {};
    expect(Object.keys(scores).sort()).toEqual(['rack-a', 'rack-b']);
    expect(trainGroup?.domains).toEqual({
      'rack-a': expect.objectContaining({ state: 'chosen', score: scores['rack-a']?.total, podsFit: null }),
      'rack-b': expect.objectContaining({ state: 'feasible', score: scores['rack-b']?.total }),
      'rack-c': expect.objectContaining({ state: 'infeasible', score: null, scoreParts: null }),
    });
    expect((scores['rack-a']?.total ?? 0) > (scores['rack-b']?.total ?? 0)).toBe(true);
    expect(trainGroup?.domains['rack-b']?.scoreParts).toBe(
      `NodeResourcesFit ${scores['rack-b']?.NodeResourcesFit} + PodGroupPodsCount ${scores['rack-b']?.PodGroupPodsCount}`,
    );
  });

  it('puts every member on its node, and the gang that did not fit on none', () => {
    expect(trainGroup?.outcome).toBe('Scheduled');
    const placedOn = trainGroup?.pods.map((p) => (p.node === null ? null : model.nodes[p.node]?.name));
    expect(placedOn).toHaveLength(4);
    expect([...(placedOn ?? [])].sort()).toEqual(['a1', 'a1', 'a2', 'a2']);
    expect(bigGroup?.outcome).toBe('Unschedulable');
    expect(bigGroup?.pods.map((p) => p.node)).toEqual([null, null]);
  });

  it("counts the failing gang's filter reasons over nodes and gives each node its own", () => {
    expect(bigGroup?.reasons).toEqual([{ reason: 'Insufficient cpu', nodes: 7 }]);
    expect(bigGroup?.domains).toEqual({});
    const c1 = model.nodes.find((n) => n.name === 'c1');
    expect(c1?.reasons.map((r) => model.reasons[r])).toContain('Insufficient cpu');
    expect(model.verdict).toBe('1 of 2 PodGroups placed; pods: 4 Scheduled, 2 Unschedulable, 0 Gated.');
    expect(model.broken).toBe(true);
  });

  it("puts simulate -f's what-if verdicts under the verdict, and judges by them", () => {
    const verdict = {
      kind: 'Job' as const,
      namespace: 'default',
      name: 'train',
      file: 'job.yaml',
      podGroup: 'train',
      pods: 4,
      scheduled: 4,
    };
    const fits = { ...verdict, fits: true, nodes: ['a1', 'a2'], preempts: 0, message: 'fits: 4 pods on a1, a2', notes: [] };
    const withWhatIf = (v: typeof fits) => pictureModel({ ...(asJson(report) as SimulationDocument), whatIf: [v] });
    expect(withWhatIf(fits).details).toEqual(['What-if (-f):', '  Job default/train (4 pods, PodGroup train): fits: 4 pods on a1, a2']);
    // Only the new objects count: big's failure is the cluster's own.
    expect(withWhatIf(fits).broken).toBe(false);
    expect(withWhatIf({ ...fits, fits: false }).broken).toBe(true);
    expect(model.details).toEqual([]);
  });

  it('groups by the label --html-group-by names; gangs constrained to another key get no domain verdicts', () => {
    const byRow = pictureModel(
      asJson(runSimulateCommand(objects, { picture: { groupBy: 'example.com/row' }, now: NOW }).report) as SimulationDocument,
    );
    expect(byRow.groupBy).toBe('example.com/row');
    expect(domainsOf(byRow)).toEqual([['(no example.com/row label)', ['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'loose']]]);
    expect(byRow.groups.find((g) => g.id === 'default/train')?.domains).toEqual({});
  });

  it('is not added to the plain report', () => {
    const plain = runSimulateCommand(objects, { now: NOW }).report;
    expect(plain.nodeMap).toBeUndefined();
    expect(plain.podGroups[0]).not.toHaveProperty('nodeReasons');
  });
});

describe('the picture model of an explanation', () => {
  const state = { ...emptyState(), nodes, podGroups: [train, big], pods };
  const diagnosis = explain(resolveTarget('podgroup/big', 'default', state), { state, events: [], now: NOW });
  const model = pictureModel(asJson(explainDocument(diagnosis)) as ExplanationDocument);
  const group = model.groups[0];

  it('carries the broken link and its fix at the top', () => {
    expect(model.command).toBe('explain');
    expect(model.title).toBe('PodGroup default/big');
    expect(model.verdict).toBe(`Broken link: placement — ${diagnosis.broken?.summary}`);
    expect(model.fix).toBe(diagnosis.broken?.fix);
    expect(model.groups).toHaveLength(1);
  });

  it("draws the group's own reasons, nodes and pods from the document", () => {
    expect(group?.reasons).toEqual(diagnosis.placement?.nodeReasons);
    expect(group?.reasons[0]).toEqual({ reason: 'Insufficient cpu', nodes: 7 });
    // No topology key: grouped by the zone label none of these nodes has; the simulator's node order (by name).
    expect(domainsOf(model)).toEqual([['(no topology.kubernetes.io/zone label)', ['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'loose']]]);
    // 23 cpu allocatable, 2 taken by the bound pod.
    expect(model.domains[0]?.free).toEqual({ cpu: '21', memory: '112Gi' });
    expect(group?.pods.map((p) => [p.name, p.outcome, p.node])).toEqual([
      ['big-0', 'Unschedulable', null],
      ['big-1', 'Unschedulable', null],
    ]);
    expect(group?.domains).toEqual({});
  });

  it('groups a gang without a topology key by the label --html-group-by names', () => {
    const setup = { groupBy: RACK };
    const d = explain(resolveTarget('podgroup/big', 'default', state), { state, events: [], now: NOW, setup });
    const m = pictureModel(asJson(explainDocument(d)) as ExplanationDocument);
    expect(m.groupBy).toBe(RACK);
    expect(m.domains.map((x) => [x.name, x.count, x.free.cpu])).toEqual([
      ['rack-a', 2, '8'],
      ['rack-b', 3, '10'],
      ['rack-c', 1, '1'],
      [`(no ${RACK} label)`, 1, '2'],
    ]);
  });

  it('labels the domains of a topology gang with the fit explain measured per domain', () => {
    const ok = explain(resolveTarget('podgroup/train', 'default', state), { state, events: [], now: NOW });
    const m = pictureModel(asJson(explainDocument(ok)) as ExplanationDocument);
    const domains = m.groups[0]?.domains ?? {};
    expect(domains['rack-a']).toMatchObject({ state: 'chosen', podsFit: 4, podsNeeded: 4, blocking: null });
    expect(domains['rack-b']).toMatchObject({ state: 'feasible', podsFit: 4, podsNeeded: 4 });
    expect(domains['rack-b']?.score).toEqual(expect.any(Number));
    expect(domains['rack-c']).toMatchObject({ state: 'infeasible', score: null, podsFit: 0 });
    expect(domains['rack-c']?.blocking).toMatch(/Insufficient cpu/);
  });
});
