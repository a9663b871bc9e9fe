// Preemption scenarios (spec scheduler.md §1.4, §1.6, §4, §5.1): each *.yaml here holds snapshot objects
// and an `expect` block; the run goes through runSimulateCommand with preemption on, the same path as
// `kubectl workload simulate -o json`, and the report (pods, groups, victims[]) must match.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { KubeObject } from '@kubectl-workload/api';
import { runSimulateCommand, type ReportPod, type ReportPodGroup, type ReportVictim } from '../../../plugin/src/simulate/report.js';

const DIR = dirname(fileURLToPath(import.meta.url));

interface ExpectedGroup extends Partial<Omit<ReportPodGroup, 'notes'>> {
  name: string;
  /** Each string must occur in one of the notes. */
  notesContain?: string[];
}

interface Scenario {
  description: string;
  source: string;
  podGroup?: string;
  /** The WorkloadAwarePreemption gate (default on). */
  workloadAwarePreemption?: boolean;
  objects: KubeObject[];
  expect: {
    podGroups?: ExpectedGroup[];
    pods?: (Partial<ReportPod> & { name: string })[];
    /** The exact victims, in eviction order (fields given are compared). */
    victims?: (Partial<ReportVictim> & { name: string })[];
    summary?: Record<string, number>;
  };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('preemption scenarios', () => {
  it('has scenario files', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(files)('%s', (file) => {
    const scenario = parse(readFileSync(join(DIR, file), 'utf8')) as Scenario;
    const { report } = runSimulateCommand(scenario.objects, {
      now: '2026-05-01T00:00:00Z',
      preemption: true,
      ...(scenario.workloadAwarePreemption === false ? { workloadAwarePreemption: false } : {}),
      ...(scenario.podGroup ? { podGroup: scenario.podGroup } : {}),
    });

    it(`${scenario.description} [${scenario.source}]`, () => {
      for (const { notesContain, ...group } of scenario.expect.podGroups ?? []) {
        const actual = report.podGroups.find((g) => g.name === group.name && g.namespace === (group.namespace ?? 'default'));
        expect(actual).toMatchObject(group);
        for (const text of notesContain ?? []) expect(actual?.notes.filter((n) => n.includes(text))).not.toHaveLength(0);
      }
      for (const pod of scenario.expect.pods ?? []) {
        expect(report.pods.find((p) => p.name === pod.name && p.namespace === (pod.namespace ?? 'default'))).toMatchObject(pod);
      }
      if (scenario.expect.victims) {
        expect(report.victims.map((v) => v.name)).toEqual(scenario.expect.victims.map((v) => v.name));
        scenario.expect.victims.forEach((v, i) => expect(report.victims[i]).toMatchObject(v));
      }
      if (scenario.expect.summary) expect(report.summary).toEqual(scenario.expect.summary);
    });
  });
});
