import { allGatesOn } from '@kubectl-workload/api';
import { NO_COLORS } from '../output/color.js';
import type { Diagnosis } from './model.js';
import type { PlacementAnalysis, PodVerdict } from './placement/analysis.js';
import { renderDocument } from '../output/document.js';
import { explainDocument, renderExplainText } from './render.js';

const diagnosis: Diagnosis = {
  target: { kind: 'PodGroup', namespace: 'default', name: 'g' },
  links: [
    { link: 'workload', status: 'ok', summary: 'Workload default/w has template "t"', details: [], refs: [] },
    { link: 'pods', status: 'broken', summary: '1 of minCount 2 pods exist', details: ['a Pending'], fix: 'create 1 more', refs: ['X-19'] },
  ],
  broken: {
    link: 'pods',
    status: 'broken',
    summary: '1 of minCount 2 pods exist',
    details: ['a Pending'],
    fix: 'create 1 more',
    refs: ['X-19'],
  },
  placement: null,
  live: {
    conditionType: 'PodGroupScheduled',
    condition: null,
    events: [1, 2, 3].map((i) => ({
      object: `Pod/a-${i}`,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: 'same',
      count: 1,
      lastTimestamp: '2026-11-23T10:00:00Z',
    })),
    agrees: null,
    note: 'no PodGroupScheduled condition yet',
    contradiction: null,
  },
  kueue: null,
};

describe('renderExplain', () => {
  it('prints the chain as a checklist, then the broken link with its fix and references', () => {
    const text = renderExplainText(diagnosis, NO_COLORS);
    expect(text.split('\n').slice(0, 9)).toEqual([
      'PodGroup default/g',
      '',
      '  ✓ workload        Workload default/w has template "t"',
      '  ✗ pods            1 of minCount 2 pods exist',
      '                    a Pending',
      '',
      'Broken link: pods',
      'Fix: create 1 more',
      'See: X-19',
    ]);
  });

  it('folds identical events into one row', () => {
    const text = renderExplainText(diagnosis, NO_COLORS);
    expect(text).toContain('Pod/a-1 (+2 more)');
    expect(text).not.toContain('Pod/a-2');
  });

  describe('a big gang (#12: folded text, -o wide lists every pod)', () => {
    const pods: PodVerdict[] = [
      ...Array.from({ length: 998 }, (_, i) => ({ name: `w-${i}`, outcome: 'Scheduled' as const, node: `n-${i % 500}`, message: null })),
      ...[998, 999].map((i) => ({ name: `w-${i}`, outcome: 'Unschedulable' as const, node: null, message: '0/500 nodes are available' })),
    ];
    const big: Diagnosis = {
      ...diagnosis,
      placement: {
        profile: 'default-scheduler (LeastAllocated)',
        featureGates: allGatesOn(),
        kubeVersion: '1.36',
        composite: null,
        outcome: 'Unschedulable',
        message: 'gang',
        condition: null,
        pods,
        nodeReasons: [],
        topology: null,
        placements: null,
        devices: null,
        hint: null,
        notes: [],
        nodeMap: { groupBy: 'topology.kubernetes.io/zone', resource: 'cpu', nodes: [], domains: [] },
      },
    };

    it('folds the placed pods into a count, and alike failures into one row', () => {
      const lines = renderExplainText(big, NO_COLORS).split('\n');
      const at = lines.indexOf('  Pods:');
      expect(lines.slice(at, at + 5)).toEqual([
        '  Pods:',
        '    998 pods Scheduled on 500 nodes',
        expect.stringMatching(/^ {4}NAME +OUTCOME +NODE +MESSAGE$/),
        expect.stringMatching(/^ {4}w-998 \(\+1 more\) +Unschedulable +<none> +0\/500 nodes are available$/),
        '    (--show-all or -o wide lists every pod)',
      ]);
    });

    it('names the domain the folded pods landed in, with a topology constraint', () => {
      const nodes = Array.from({ length: 500 }, (_, i) => ({ name: `n-${i}`, domain: 'rack-a', free: 0, reasons: [], members: [] }));
      const placement = big.placement as PlacementAnalysis;
      const racked = (domainOfLast: string): Diagnosis => ({
        ...big,
        placement: {
          ...placement,
          topology: { key: 'example.com/rack', domains: [] },
          nodeMap: {
            groupBy: 'example.com/rack',
            resource: 'cpu',
            nodes: [...nodes.slice(0, 499), { ...nodes[499]!, domain: domainOfLast }],
            domains: [],
          },
        },
      });
      expect(renderExplainText(racked('rack-a'), NO_COLORS)).toContain('\n    998 pods Scheduled on 500 nodes (rack-a)\n');
      // Pods spread over two domains name none.
      expect(renderExplainText(racked('rack-b'), NO_COLORS)).toContain('\n    998 pods Scheduled on 500 nodes\n');
    });

    it('lists every pod with wide', () => {
      const text = renderExplainText(big, NO_COLORS, { wide: true });
      expect(text.match(/^ {4}w-\d+ +Scheduled +n-\d+/gm)).toHaveLength(998);
      expect(text.match(/^ {4}w-99[89] +Unschedulable +<none> +0\/500 nodes are available$/gm)).toHaveLength(2);
      expect(text).not.toContain('lists every pod)');
    });

    it('keeps a small gang one row per pod', () => {
      const small = { ...big, placement: { ...(big.placement as PlacementAnalysis), pods: pods.slice(0, 3) } };
      expect(renderExplainText(small, NO_COLORS).match(/^ {4}w-\d+ +Scheduled/gm)).toHaveLength(3);
    });
  });

  it('emits the diagnosis as an Explanation document', () => {
    expect(JSON.parse(renderDocument(explainDocument(diagnosis), 'json'))).toEqual({ kind: 'Explanation', ...diagnosis });
  });
});
