import { cpuPod, info, node, setup } from '../test-support/builders.js';
import { generatePlacements, PlacementError, topologyDomains } from './topology-placement.js';

const nodes = [
  node('b1', {}, { labels: { rack: 'b' } }),
  node('a1', {}, { labels: { rack: 'a' } }),
  node('a2', {}, { labels: { rack: 'a' } }),
  node('x', {}),
];
const names = (cluster: ReturnType<typeof setup>['cluster'], nodeIndexes: Int32Array) =>
  [...nodeIndexes].map((i) => cluster.nodes[i]?.name);

describe('TopologyPlacement', () => {
  it('makes one placement per label value in name order, leaving unlabelled nodes out', () => {
    const { cluster } = setup(nodes);
    const domains = topologyDomains(cluster, 'rack');
    expect(domains.map((d) => d.name)).toEqual(['a', 'b']);
    expect(names(cluster, (domains[0] as { nodes: Int32Array }).nodes)).toEqual(['a1', 'a2']);
    expect(generatePlacements(cluster, 'default/g', 'zone')).toEqual([]);
  });

  it('keeps only the domain of already scheduled members', () => {
    const member = cpuPod('m', '1', { nodeName: 'b1', schedulingGroup: { podGroupName: 'g' } });
    const { cluster } = setup(nodes, [member]);
    expect(generatePlacements(cluster, info(member).groupKey as string, 'rack').map((p) => p.name)).toEqual(['b']);
  });

  it('errors when scheduled members sit on an unlabelled node', () => {
    const member = cpuPod('m', '1', { nodeName: 'x', schedulingGroup: { podGroupName: 'g' } });
    const { cluster } = setup(nodes, [member]);
    expect(() => generatePlacements(cluster, 'default/g', 'rack')).toThrow(PlacementError);
    expect(() => generatePlacements(cluster, 'default/g', 'rack')).toThrow(
      'cannot determine domain for already scheduled pods: pod default/m is on node x without label "rack"',
    );
  });
});
