// Runs a folder of scenario files (spec scheduler.md §8c): each *.yaml holds snapshot objects and an
// `expect` block; the simulation goes through runSimulateCommand, the same path as
// `kubectl workload simulate -o json`, and the report must match the expectations.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseFeatureGates, type KubeObject, type KubeVersion } from '@kubectl-workload/api';
import { schedulerConfiguration } from '@kubectl-workload/simulator';
import {
  runSimulateCommand,
  type ReportCompositePodGroup,
  type ReportPod,
  type ReportPodGroup,
  type ReportVictim,
} from '../../plugin/src/simulate/report.js';

interface ExpectedPod extends Partial<Omit<ReportPod, 'node'>> {
  name: string;
  node?: string | null;
  /** Any of these nodes is acceptable (kube-scheduler breaks the tie at random). */
  nodeIn?: string[];
}

interface ExpectedGroup extends Partial<Omit<ReportPodGroup, 'notes'>> {
  name: string;
  /** Each string must occur in one of the notes. */
  notesContain?: string[];
}

interface Scenario {
  description: string;
  source: string;
  podGroup?: string;
  /** The kube-scheduler gates the scenario runs under, as --feature-gates takes them: every scenario states them. */
  featureGates: string;
  /** --kube-version (default 1.36). */
  kubeVersion?: KubeVersion;
  /** A KubeSchedulerConfiguration, as --scheduler-config reads it (default: the default profile). */
  schedulerConfig?: unknown;
  objects: KubeObject[];
  expect: {
    podGroups?: ExpectedGroup[];
    compositePodGroups?: (Partial<ReportCompositePodGroup> & { name: string; notesContain?: string[] })[];
    pods?: ExpectedPod[];
    /** Each string must occur in one of the report's notes. */
    notesContain?: string[];
    /** The exact victims, in eviction order (fields given are compared). */
    victims?: (Partial<ReportVictim> & { name: string })[];
    summary?: Record<string, number>;
  };
}

export interface ScenarioSuite {
  title: string;
  dir: string;
  /** Guards against a folder that silently lost its files. */
  minFiles: number;
  preemption: boolean;
}

function checkScenario(scenario: Scenario, preemption: boolean): void {
  const { report } = runSimulateCommand(scenario.objects, {
    now: '2026-05-01T00:00:00Z',
    preemption,
    gates: parseFeatureGates(scenario.featureGates, undefined, scenario.kubeVersion),
    ...(scenario.kubeVersion ? { kubeVersion: scenario.kubeVersion } : {}),
    ...(scenario.schedulerConfig ? { schedulerConfig: schedulerConfiguration(scenario.schedulerConfig, 'schedulerConfig') } : {}),
    ...(scenario.podGroup ? { podGroup: scenario.podGroup } : {}),
  });
  // `podGroups: []` says that no group had a cycle.
  if (scenario.expect.podGroups?.length === 0) expect(report.podGroups).toEqual([]);
  for (const { notesContain, ...group } of scenario.expect.podGroups ?? []) {
    const actual = report.podGroups.find((g) => g.name === group.name && g.namespace === (group.namespace ?? 'default'));
    expect(actual).toMatchObject(group);
    for (const text of notesContain ?? []) expect(actual?.notes.filter((n) => n.includes(text))).not.toHaveLength(0);
  }
  if (scenario.expect.compositePodGroups?.length === 0) expect(report.compositePodGroups).toEqual([]);
  for (const { notesContain, ...group } of scenario.expect.compositePodGroups ?? []) {
    const actual = report.compositePodGroups.find((g) => g.name === group.name && g.namespace === (group.namespace ?? 'default'));
    expect(actual).toMatchObject(group);
    for (const text of notesContain ?? []) expect(actual?.notes.filter((n) => n.includes(text))).not.toHaveLength(0);
  }
  for (const text of scenario.expect.notesContain ?? []) expect(report.notes.filter((n) => n.includes(text))).not.toHaveLength(0);
  for (const { nodeIn, ...pod } of scenario.expect.pods ?? []) {
    const actual = report.pods.find((p) => p.name === pod.name && p.namespace === (pod.namespace ?? 'default'));
    expect(actual).toMatchObject(pod);
    if (nodeIn) expect(nodeIn).toContain(actual?.node);
  }
  if (scenario.expect.victims) {
    expect(report.victims.map((v) => v.name)).toEqual(scenario.expect.victims.map((v) => v.name));
    scenario.expect.victims.forEach((v, i) => expect(report.victims[i]).toMatchObject(v));
  }
  if (scenario.expect.summary) expect(report.summary).toEqual(scenario.expect.summary);
}

export function describeScenarios({ title, dir, minFiles, preemption }: ScenarioSuite): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  describe(title, () => {
    it('has scenario files', () => {
      expect(files.length).toBeGreaterThanOrEqual(minFiles);
    });
    describe.each(files)('%s', (file) => {
      const scenario = parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      it(`${scenario.description} [${scenario.source}]`, () => {
        expect(typeof scenario.featureGates).toBe('string');
        checkScenario(scenario, preemption);
      });
    });
  });
}
