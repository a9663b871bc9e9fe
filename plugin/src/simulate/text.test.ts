// simulate's text folds big groups: one line per outcome, identical "Not scheduled" lines merged;
// -o wide (renderText's `wide`) lists every pod.

import type { KubeObject } from '@kubectl-workload/api';
import { runSimulateCommand } from './report.js';
import { renderText } from './text.js';

const ZONE = 'topology.kubernetes.io/zone';

function node(i: number, zone: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `n${i}`, labels: { [ZONE]: zone } },
    status: { allocatable: { cpu: '1', memory: '8Gi', pods: '110' } },
  } as KubeObject;
}

function member(i: number, group: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${group}-${i}`, namespace: 'ml', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { schedulingGroup: { podGroupName: group }, containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] },
  } as KubeObject;
}

const gang = (name: string, minCount: number): KubeObject =>
  ({
    apiVersion: 'scheduling.k8s.io/v1alpha2',
    kind: 'PodGroup',
    metadata: { name, namespace: 'ml' },
    spec: { schedulingPolicy: { gang: { minCount } }, schedulingConstraints: { topology: [{ key: ZONE }] } },
  }) as KubeObject;

// Zone a: 30 one-CPU nodes, zone b: 2. Gang "fits" (30 pods) lands in zone a; gang "big" (40) fits nowhere.
const objects: KubeObject[] = [
  ...Array.from({ length: 30 }, (_, i) => node(i, 'a')),
  node(30, 'b'),
  node(31, 'b'),
  gang('fits', 30),
  ...Array.from({ length: 30 }, (_, i) => member(i, 'fits')),
  gang('big', 40),
  ...Array.from({ length: 40 }, (_, i) => member(i, 'big')),
];

describe('simulate text folding', () => {
  const { report } = runSimulateCommand(objects, { now: '2026-05-01T00:00:00Z' });

  it('folds a big group into one line per outcome, naming the chosen domain', () => {
    const text = renderText(report);
    expect(text).toContain('  30 pods Scheduled on 30 nodes (a)\n  (-o wide lists every pod)\n');
    expect(text).toContain('  40 pods Unschedulable\n');
    expect(text).not.toMatch(/^ {2}fits-0 /m);
  });

  it('merges identical "Not scheduled" lines into one with a count', () => {
    const notScheduled = renderText(report).split('Not scheduled:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(notScheduled).toHaveLength(1);
    expect(notScheduled[0]).toMatch(/^ {2}ml\/big-0 \(Unschedulable\): .+ \(and 39 more alike\)$/);
  });

  it('lists every pod with wide', () => {
    const text = renderText(report, { wide: true });
    expect(text.match(/^ {2}fits-\d+ +Scheduled +n\d+$/gm)).toHaveLength(30);
    expect(text.match(/^ {2}ml\/big-\d+ \(Unschedulable\): /gm)).toHaveLength(40);
  });
});
