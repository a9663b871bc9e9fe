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

describe('Kubernetes 1.37 hierarchies', () => {
  const v137 = (kind: string, name: string, spec: Record<string, unknown>): KubeObject =>
    ({
      apiVersion: kind === 'PodGroup' ? 'scheduling.k8s.io/v1beta1' : 'scheduling.k8s.io/v1alpha3',
      kind,
      metadata: { name, namespace: 'ml', creationTimestamp: `2026-01-01T00:00:0${name.length}Z` },
      spec: { workloadRef: { workloadName: 'w', templateName: name }, ...spec },
    }) as KubeObject;

  it('shows the tree: the root composite, then each child indented, nested composites inside', () => {
    const objects = [
      node(0, 'a'),
      node(1, 'a'),
      v137('CompositePodGroup', 'root', { schedulingPolicy: { gang: { minGroupCount: 2 } } }),
      v137('CompositePodGroup', 'mid', { parentCompositePodGroupName: 'root', schedulingPolicy: { basic: {} } }),
      v137('PodGroup', 'lead', { parentCompositePodGroupName: 'root', schedulingPolicy: { gang: { minCount: 1 } } }),
      v137('PodGroup', 'workers', { parentCompositePodGroupName: 'mid', schedulingPolicy: { gang: { minCount: 1 } } }),
      member(0, 'lead'),
      member(0, 'workers'),
    ];
    const { report } = runSimulateCommand(objects, { kubeVersion: '1.37', now: '2026-05-01T00:00:00Z' });
    const text = renderText(report);
    expect(text).toContain(
      [
        'CompositePodGroup ml/root (gang, minGroupCount 2): Scheduled',
        '  condition: CompositePodGroupInitiallyScheduled=True reason=Scheduled',
        // Children in creation order: mid (…:03) before lead (…:04).
        '  └ CompositePodGroup ml/mid (basic): Scheduled',
        '      condition: CompositePodGroupInitiallyScheduled=True reason=Scheduled',
        '      └ PodGroup ml/workers (gang, minCount 1): Scheduled',
        '          condition: PodGroupInitiallyScheduled=True reason=Scheduled',
        '          POD        OUTCOME    NODE',
        '          workers-0  Scheduled  n0',
        '  └ PodGroup ml/lead (gang, minCount 1): Scheduled',
      ].join('\n'),
    );
    // Shown inside the tree only, not again as a flat group.
    expect(text.match(/PodGroup ml\/workers/g)).toHaveLength(1);
    expect(report.podGroups.find((g) => g.name === 'workers')?.parent).toBe('mid');
    expect(report.compositePodGroups.map((c) => [c.name, c.parent])).toEqual([
      ['root', null],
      ['mid', 'root'],
    ]);
  });
});
