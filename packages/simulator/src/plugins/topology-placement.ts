// TopologyPlacement PlacementGenerate (spec §3 step 1): one placement per value of the topology
// label, nodes without the label left out; when members are already scheduled, only their domain,
// an error when they sit in several domains or on an unlabelled node. Placements come in name order
// (upstream: Go map order).

import type { SchedulerCache } from '../cluster.js';
import { GROUP_MESSAGE } from '../messages.js';
import type { PodInfo } from '../pod-info.js';

export const NAME = 'TopologyPlacement';

export interface Placement {
  /** The label value. */
  readonly name: string;
  /** Node indexes in SchedulerCache.nodes order. */
  readonly nodes: Int32Array;
}

export class PlacementError extends Error {}

/** Nodes never change during a simulation, so each key's domains are computed once per cluster. */
const domainCache = new WeakMap<SchedulerCache, Map<string, Placement[]>>();

/** One domain per value of `key`, by name; nodes without the label are left out. */
export function topologyDomains(cluster: SchedulerCache, key: string): readonly Placement[] {
  let byKey = domainCache.get(cluster);
  if (!byKey) {
    byKey = new Map();
    domainCache.set(cluster, byKey);
  }
  let domains = byKey.get(key);
  if (!domains) {
    const byValue = new Map<string, number[]>();
    for (const node of cluster.nodes) {
      const value = node.labels[key];
      if (value === undefined) continue;
      const list = byValue.get(value) ?? [];
      list.push(node.index);
      byValue.set(value, list);
    }
    domains = [...byValue.keys()].sort().map((name) => ({ name, nodes: Int32Array.from(byValue.get(name) ?? []) }));
    byKey.set(key, domains);
  }
  return domains;
}

/** The placements for group `groupKey`; throws PlacementError when its scheduled pods pin no single domain. */
export function generatePlacements(cluster: SchedulerCache, groupKey: string, key: string): readonly Placement[] {
  return placementsPinnedBy(cluster, cluster.scheduledMembers(groupKey), key);
}

/** The domains of `key`, only the one `scheduled` pods sit in when there are any (1.37: the pods of a whole subtree). */
export function placementsPinnedBy(cluster: SchedulerCache, scheduled: readonly PodInfo[], key: string): readonly Placement[] {
  const domains = topologyDomains(cluster, key);
  if (scheduled.length === 0) return domains;
  const pinned = new Set<string>();
  for (const pod of scheduled) {
    const node = cluster.nodes[cluster.placement.get(pod.key) as number];
    const value = node?.labels[key];
    if (value === undefined)
      throw new PlacementError(
        GROUP_MESSAGE.domainUndetermined(`pod ${pod.key} is on node ${node?.name ?? '?'} without label ${JSON.stringify(key)}`),
      );
    pinned.add(value);
  }
  if (pinned.size > 1)
    throw new PlacementError(
      GROUP_MESSAGE.domainUndetermined(`pods are in ${pinned.size} domains of ${JSON.stringify(key)}: ${[...pinned].sort().join(', ')}`),
    );
  return domains.filter((d) => pinned.has(d.name));
}
