import type { NodeInfo } from '../cluster.js';
import { filter, NAME } from './volume-zone.js';

const nodeWith = (labels: Record<string, string>): NodeInfo => ({
  index: 0,
  name: 'n',
  labels,
  taints: [],
  unschedulable: false,
  images: new Map(),
});

describe(NAME, () => {
  const zoneA = [{ key: 'topology.kubernetes.io/zone', values: new Set(['a']) }];

  it('a PV zone must match the node label; a node without zone or region labels fits (volume_zone_test.go)', () => {
    expect(filter(zoneA, nodeWith({ 'topology.kubernetes.io/zone': 'a' }))).toBe(true);
    expect(filter(zoneA, nodeWith({ 'topology.kubernetes.io/zone': 'b' }))).toBe(false);
    expect(filter(zoneA, nodeWith({ 'topology.kubernetes.io/region': 'r' }))).toBe(false);
    expect(filter(zoneA, nodeWith({ other: 'x' }))).toBe(true);
  });

  it('a beta PV label matches the GA node label; a multi-zone value is a set', () => {
    const beta = [{ key: 'failure-domain.beta.kubernetes.io/zone', values: new Set(['a', 'b']) }];
    expect(filter(beta, nodeWith({ 'topology.kubernetes.io/zone': 'b' }))).toBe(true);
    expect(filter(beta, nodeWith({ 'topology.kubernetes.io/zone': 'c' }))).toBe(false);
  });
});
