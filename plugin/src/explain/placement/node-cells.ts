// Per-node facts for the placement picture (explain --html): each node's domain, the free share of
// the resource that blocks the gang, its own filter reasons and the members placed on it. They live
// in the JSON model so the page draws them and never re-runs any analysis.

import type { Simulation } from '@kubectl-workload/simulator';
import type { NodeReasonCount } from './analysis.js';

export interface NodeCell {
  readonly name: string;
  /** The node's value of the grouping label; null when it has none. */
  readonly domain: string | null;
  /** Free share (0..1) of the blocking resource: (allocatable - requested) / allocatable; null when the node has none of it. */
  readonly free: number | null;
  /** Filter reasons this node gave for any member (empty: it passed every filter). */
  readonly reasons: readonly string[];
  /** Members bound or placed on this node by the simulated cycle. */
  readonly members: readonly string[];
}

export interface NodeMap {
  /** The label the cells are grouped by: the group's topology key, else the zone label. */
  readonly groupBy: string;
  /** The resource whose free share colours the cells (the most common `Insufficient X`, else the first extended resource requested, else cpu). */
  readonly resource: string;
  readonly nodes: readonly NodeCell[];
}

const ZONE = 'topology.kubernetes.io/zone';

function blockingResource(reasons: readonly NodeReasonCount[], requested: readonly string[]): string {
  const insufficient = reasons.find((r) => r.reason.startsWith('Insufficient '));
  if (insufficient) return insufficient.reason.slice('Insufficient '.length);
  return requested.find((r) => r !== 'cpu' && r !== 'memory' && r !== 'pods') ?? 'cpu';
}

/**
 * `cluster` is the explaining simulation's own cache and `requestedBefore` its per-node requests taken
 * before the cycle ran (the cycle assumes members into the cache): no second cluster is built.
 */
export function nodeMap(
  cluster: Simulation['cluster'],
  requestedBefore: Float64Array,
  topologyKey: string | undefined,
  reasons: readonly NodeReasonCount[],
  reasonsByNode: ReadonlyMap<string, readonly string[]>,
  placed: ReadonlyArray<{ readonly name: string; readonly node: string | null }>,
  requested: readonly string[],
): NodeMap {
  const groupBy = topologyKey ?? ZONE;
  const resource = blockingResource(reasons, requested);
  const membersByNode = new Map<string, string[]>();
  for (const pod of placed) if (pod.node) membersByNode.set(pod.node, [...(membersByNode.get(pod.node) ?? []), pod.name]);
  const dim = cluster.dimensionIndex.get(resource);
  const dims = cluster.dimensions.length;
  const nodes = cluster.nodes.map((info): NodeCell => {
    const at = dim === undefined ? -1 : info.index * dims + dim;
    const allocatable = at < 0 ? 0 : (cluster.allocatable[at] as number);
    const free =
      allocatable > 0 ? Math.round(Math.max(0, (allocatable - (requestedBefore[at] as number)) / allocatable) * 100) / 100 : null;
    return {
      name: info.name,
      domain: info.labels[groupBy] ?? null,
      free,
      reasons: reasonsByNode.get(info.name) ?? [],
      members: membersByNode.get(info.name) ?? [],
    };
  });
  return { groupBy, resource, nodes };
}
