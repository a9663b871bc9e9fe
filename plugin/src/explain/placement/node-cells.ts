// Per-node facts for the placement picture (explain --html, simulate -o html): each node's domain,
// the free share of the resource that blocks the gang, its own filter reasons and the members placed
// on it, and per domain its free resources. They live in the JSON document so the page draws them
// and never re-runs any analysis.

import type { Simulation } from '@kubectl-workload/simulator';
import type { NodeReasonCount } from './node-reasons.js';
import { formatAmount } from './units.js';

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
  /** The label the cells are grouped by: the group's topology key, else --html-group-by, else the zone label. */
  readonly groupBy: string;
  /** The resource whose free share colours the cells (the most common `Insufficient X`, else the first extended resource requested, else cpu). */
  readonly resource: string;
  readonly nodes: readonly NodeCell[];
  /** Per value of `groupBy` (null: nodes without the label), in order of first node: its node count and free resources. */
  readonly domains: readonly DomainFree[];
}

export interface DomainFree {
  readonly domain: string | null;
  readonly nodes: number;
  /** Free (allocatable minus requested) cpu, memory and the blocking or requested extended resources, as quantities. */
  readonly free: Readonly<Record<string, string>>;
}

const ZONE = 'topology.kubernetes.io/zone';

function blockingResource(reasons: readonly NodeReasonCount[], requested: readonly string[]): string {
  const insufficient = reasons.find((r) => r.reason.startsWith('Insufficient '));
  if (insufficient) return insufficient.reason.slice('Insufficient '.length);
  return requested.find((r) => r !== 'cpu' && r !== 'memory' && r !== 'pods') ?? 'cpu';
}

type Cluster = Simulation['cluster'];

/** Sums of allocatable minus requested over each domain's nodes, formatted as quantities. */
function domainsFree(cluster: Cluster, requested: Float64Array, nodes: readonly NodeCell[], resources: readonly string[]): DomainFree[] {
  const dims = cluster.dimensions.length;
  const byDomain = new Map<string | null, { nodes: number; free: number[] }>();
  const at = resources.map((r) => cluster.dimensionIndex.get(r));
  nodes.forEach((cell, index) => {
    let row = byDomain.get(cell.domain);
    if (!row) byDomain.set(cell.domain, (row = { nodes: 0, free: resources.map(() => 0) }));
    row.nodes++;
    at.forEach((d, k) => {
      if (d !== undefined)
        row.free[k] = (row.free[k] as number) + (cluster.allocatable[index * dims + d] as number) - (requested[index * dims + d] as number);
    });
  });
  return [...byDomain].map(([domain, row]) => ({
    domain,
    nodes: row.nodes,
    free: Object.fromEntries(resources.map((r, k) => [r, formatAmount(r, row.free[k] as number)])),
  }));
}

/**
 * `cluster` is the simulation's own cache and `requested` the per-node requests the picture shows:
 * explain's are taken before the cycle ran (the cycle assumes members into the cache), simulate's
 * after the run. No second cluster is built. `groupBy`: the gang's topology key or the label chosen
 * with --html-group-by; the zone label when undefined.
 */
export function nodeMap(
  cluster: Cluster,
  requestedBefore: Float64Array,
  groupByLabel: string | undefined,
  reasons: readonly NodeReasonCount[],
  reasonsByNode: ReadonlyMap<string, readonly string[]>,
  placed: ReadonlyArray<{ readonly name: string; readonly node: string | null }>,
  requested: readonly string[],
): NodeMap {
  const groupBy = groupByLabel ?? ZONE;
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
  const shown = [...new Set(['cpu', 'memory', ...requested.filter((r) => r !== 'pods'), resource])];
  return { groupBy, resource, nodes, domains: domainsFree(cluster, requestedBefore, nodes, shown) };
}
