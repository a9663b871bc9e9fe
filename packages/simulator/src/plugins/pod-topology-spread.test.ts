import { attempt, node, pod, setup } from '../test-support/builders.js';
import { NAME } from './pod-topology-spread.js';

describe(NAME, () => {
  it('PodTopologySpread ScheduleAnyway favours the domain with fewer matching pods', () => {
    const { scheduler } = setup(
      [node('a1', {}, { labels: { zone: 'a' } }), node('b1', {}, { labels: { zone: 'b' } })],
      [pod('w1', { nodeName: 'a1' }, { labels: { app: 'w' } }), pod('w2', { nodeName: 'a1' }, { labels: { app: 'w' } })],
    );
    const spread = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'w' } } }];
    const { trace, nodeName } = attempt(scheduler, pod('p', { topologySpreadConstraints: spread }, { labels: { app: 'w' } }), true);
    expect(nodeName).toBe('b1');
    expect(trace?.finalScore.a1?.PodTopologySpread).toBe(0);
    expect(trace?.finalScore.b1?.PodTopologySpread).toBe(200);
  });
});
