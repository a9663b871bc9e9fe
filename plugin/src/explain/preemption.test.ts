// explain with preemption (spec scheduler.md §4): the placement analysis says whom the gang would
// evict, or why preemption cannot help; off unless asked for (the command asks unless --no-preemption).

import { emptyState, type ClusterState } from '@kubectl-workload/cluster';
import type { Pod } from '@kubectl-workload/api';
import { explain } from './chain.js';
import { renderExplainText } from './render.js';
import { resolveTarget } from './target.js';
import { node, pod, podGroup } from '../status/test-support/objects.js';
import { paletteFor } from '../output/color.js';

const NOW = '2026-11-23T12:00:00Z';

function withPriority(p: Pod, priority: number): Pod {
  return { ...p, spec: { ...p.spec, priority } };
}

function state(lowPriority: number): ClusterState {
  return {
    ...emptyState(),
    nodes: [node('n1', {}, { cpu: '2', memory: '8Gi', pods: '110' })],
    podGroups: [podGroup('train', { schedulingPolicy: { gang: { minCount: 2 } } })],
    pods: [
      withPriority(pod('low', undefined, { nodeName: 'n1', requests: { cpu: '2' } }), lowPriority),
      withPriority(pod('w0', 'train', { requests: { cpu: '1' } }), 100),
      withPriority(pod('w1', 'train', { requests: { cpu: '1' } }), 100),
    ],
  };
}

function run(s: ClusterState, preemption: boolean) {
  return explain(resolveTarget('podgroup/train', 'default', s), { state: s, events: [], now: NOW, preemption });
}

describe('explain: preemption', () => {
  it('names the pods the gang would evict, in the placement section', () => {
    const d = run(state(1), true);
    expect(d.broken?.link).toBe('placement');
    const text = renderExplainText(d, paletteFor(false));
    expect(text).toContain('  Preemption: would preempt 1 pod (default/low on n1), none of them in a PodGroup\n');
  });

  it('says why preemption cannot help when nothing has a lower priority', () => {
    const text = renderExplainText(run(state(100), true), paletteFor(false));
    expect(text).toContain(
      '  Preemption: preemption cannot help: No preemption victims found for incoming preemptor; 0/1 nodes are available: 1 No preemption victims found for incoming pod.\n',
    );
  });

  it('stays out of the analysis without preemption (--no-preemption)', () => {
    expect(renderExplainText(run(state(1), false), paletteFor(false))).not.toContain('Preemption:');
  });
});
