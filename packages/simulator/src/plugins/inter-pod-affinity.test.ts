import { attempt, info, node, pod, setup } from '../test-support/builders.js';
import { filter, NAME, preFilter } from './inter-pod-affinity.js';

describe(`${NAME} PreFilter scope`, () => {
  it("counts existing pods' anti-affinity only on the candidate nodes (a TAS placement restricts the snapshot)", () => {
    const antiWeb = {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { app: 'web' } } }],
      },
    };
    const { cluster } = setup(
      [node('a1', {}, { labels: { zone: 'z', rack: 'a' } }), node('b1', {}, { labels: { zone: 'z', rack: 'b' } })],
      [pod('db', { nodeName: 'b1', affinity: antiWeb })],
    );
    const web = info(pod('web', {}, { labels: { app: 'web' } }));
    const a1 = cluster.nodeIndex.get('a1') as number;
    expect(filter(preFilter(cluster, web, Int32Array.of(0, 1)), cluster, a1)?.reasons).toEqual([
      "node(s) didn't satisfy existing pods anti-affinity rules",
    ]);
    expect(filter(preFilter(cluster, web, Int32Array.of(a1)), cluster, a1)).toBeUndefined();
  });

  it('InterPodAffinity preferred terms pull toward matching pods, min-max normalised, weight 2', () => {
    const { scheduler } = setup(
      [node('n1', {}, { labels: { h: '1' } }), node('n2', {}, { labels: { h: '2' } })],
      [pod('db', { nodeName: 'n2' }, { labels: { app: 'db' } })],
    );
    const affinity = {
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 50, podAffinityTerm: { topologyKey: 'h', labelSelector: { matchLabels: { app: 'db' } } } },
        ],
      },
    };
    const { trace, nodeName } = attempt(scheduler, pod('p', { affinity }), true);
    expect(nodeName).toBe('n2');
    expect(trace?.finalScore.n2?.InterPodAffinity).toBe(200);
    expect(trace?.finalScore.n1?.InterPodAffinity).toBe(0);
  });
});
