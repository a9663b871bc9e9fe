// Scenario tests (spec scheduler.md §8c): each test/scenarios/*.yaml holds the snapshot objects and an
// `expect` block; the simulation runs through runSimulateCommand, the same path as
// `kubectl workload simulate -o json`, and the report must match the expectations.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { KubeObject } from '@kubectl-workload/api';
import { runSimulateCommand, type ReportPod, type ReportPodGroup } from '../../plugin/src/simulate/report.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

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
  objects: KubeObject[];
  expect: { podGroups?: ExpectedGroup[]; pods?: ExpectedPod[]; summary?: Record<string, number> };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('scheduling scenarios', () => {
  it('has scenario files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(files)('%s', (file) => {
    const scenario = parse(readFileSync(join(DIR, file), 'utf8')) as Scenario;
    const { report } = runSimulateCommand(scenario.objects, { now: '2026-05-01T00:00:00Z', ...(scenario.podGroup ? { podGroup: scenario.podGroup } : {}) });

    it(`${scenario.description} [${scenario.source}]`, () => {
      for (const { notesContain, ...group } of scenario.expect.podGroups ?? []) {
        const actual = report.podGroups.find((g) => g.name === group.name && g.namespace === (group.namespace ?? 'default'));
        expect(actual).toMatchObject(group);
        for (const text of notesContain ?? []) expect(actual?.notes.some((n) => n.includes(text))).toBe(true);
      }
      for (const { nodeIn, ...pod } of scenario.expect.pods ?? []) {
        const actual = report.pods.find((p) => p.name === pod.name && p.namespace === (pod.namespace ?? 'default'));
        expect(actual).toMatchObject(pod);
        if (nodeIn) expect(nodeIn).toContain(actual?.node);
      }
      if (scenario.expect.summary) expect(report.summary).toEqual(scenario.expect.summary);
    });
  });
});
