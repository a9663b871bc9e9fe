import { info, node, pod, setup } from '../test-support/builders.js';
import { affinityFilter, preFilterAffinity } from './inter-pod-affinity.js';

describe('InterPodAffinity PreFilter scope', () => {
  it("counts existing pods' anti-affinity only on the candidate nodes (a TAS placement restricts the snapshot)", () => {
    const antiWeb = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { app: 'web' } } }] } };
    const { cluster } = setup([node('a1', {}, { labels: { zone: 'z', rack: 'a' } }), node('b1', {}, { labels: { zone: 'z', rack: 'b' } })], [pod('db', { nodeName: 'b1', affinity: antiWeb })]);
    const web = info(pod('web', {}, { labels: { app: 'web' } }));
    const a1 = cluster.nodeIndex.get('a1') as number;
    expect(affinityFilter(preFilterAffinity(cluster, web, Int32Array.of(0, 1)), cluster, a1)?.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
    expect(affinityFilter(preFilterAffinity(cluster, web, Int32Array.of(a1)), cluster, a1)).toBeUndefined();
  });
});
