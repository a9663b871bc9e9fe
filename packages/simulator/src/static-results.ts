// The per-signature cache that makes filtering fast: the filters whose answer depends only on the
// pod's spec and the node, never on other pods (NodeUnschedulable, NodeName, TaintToleration,
// NodeAffinity, in that upstream order), plus the node-only raw scores of TaintToleration,
// NodeAffinity and ImageLocality. Computed once per pod static signature by calling those plugins,
// and shared by every pod with that signature.

import type { SchedulerCache, NodeInfo } from './cluster.js';
import * as imageLocality from './plugins/image-locality.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as nodeName from './plugins/node-name.js';
import * as nodeUnschedulable from './plugins/node-unschedulable.js';
import * as taintToleration from './plugins/taint-toleration.js';
import { staticKeyOf, type PodInfo } from './pod-info.js';
import type { FilterStatus } from './status.js';

/** Index 0 means "passed"; the rest are the static failures in filter order. */
export const STATIC_STATUSES: readonly (FilterStatus | undefined)[] = [
  undefined,
  nodeUnschedulable.STATUS,
  nodeName.STATUS,
  taintToleration.STATUS,
  nodeAffinity.STATUS,
];

export interface StaticResults {
  /** Per node: 0 passed, else an index into STATIC_STATUSES. */
  readonly status: Uint8Array;
  /** Untolerated PreferNoSchedule taints per node (TaintToleration raw score). */
  readonly preferNoScheduleTaints: Int32Array;
  /** Whether any node has an untolerated PreferNoSchedule taint (else TaintToleration scores 100 everywhere). */
  readonly anyPreferNoScheduleTaint: boolean;
  /** Sum of matching preferred node affinity weights per node (NodeAffinity raw score). */
  readonly preferredAffinity: Int32Array;
  readonly hasPreferredAffinity: boolean;
  /** ImageLocality score per node; undefined when it is 0 everywhere. */
  readonly imageLocality: Int32Array | undefined;
  /** nodeSelector + required node affinity match (PodTopologySpread's nodeAffinityPolicy: Honor). */
  readonly matchesNodeAffinity: Uint8Array;
  /** No untolerated NoSchedule/NoExecute taint (PodTopologySpread's nodeTaintsPolicy: Honor). */
  readonly toleratesTaints: Uint8Array;
}

/** Which of the four static filters a profile runs. */
export interface StaticFilters {
  readonly nodeUnschedulable: boolean;
  readonly nodeName: boolean;
  readonly taintToleration: boolean;
  readonly nodeAffinity: boolean;
}

export function staticFilters(enabled: readonly string[]): StaticFilters {
  const on = new Set(enabled);
  return {
    nodeUnschedulable: on.has(nodeUnschedulable.NAME),
    nodeName: on.has(nodeName.NAME),
    taintToleration: on.has(taintToleration.NAME),
    nodeAffinity: on.has(nodeAffinity.NAME),
  };
}

const ALL_STATIC: StaticFilters = { nodeUnschedulable: true, nodeName: true, taintToleration: true, nodeAffinity: true };

function staticStatus(pod: PodInfo, node: NodeInfo, tolerated: boolean, affinity: boolean, filters: StaticFilters): number {
  if (filters.nodeUnschedulable && !nodeUnschedulable.filter(pod, node)) return 1;
  if (filters.nodeName && !nodeName.filter(pod, node)) return 2;
  if (filters.taintToleration && !tolerated) return 3;
  return !filters.nodeAffinity || affinity ? 0 : 4;
}

export function computeStaticResults(cluster: SchedulerCache, pod: PodInfo, filters: StaticFilters = ALL_STATIC): StaticResults {
  const n = cluster.nodeCount;
  const status = new Uint8Array(n);
  const preferNoScheduleTaints = new Int32Array(n);
  const preferredAffinity = new Int32Array(n);
  const matchesNodeAffinity = new Uint8Array(n);
  const toleratesTaints = new Uint8Array(n);
  const preferred = nodeAffinity.preScore(pod);
  const softTolerations = taintToleration.preScore(pod);
  for (const node of cluster.nodes) {
    const i = node.index;
    const tolerated = taintToleration.filter(pod, node);
    const affinity = nodeAffinity.filter(pod, node);
    toleratesTaints[i] = tolerated ? 1 : 0;
    matchesNodeAffinity[i] = affinity ? 1 : 0;
    status[i] = staticStatus(pod, node, tolerated, affinity, filters);
    preferNoScheduleTaints[i] = taintToleration.score(softTolerations, node);
    preferredAffinity[i] = nodeAffinity.score(preferred, node);
  }
  return {
    status,
    preferNoScheduleTaints,
    anyPreferNoScheduleTaint: preferNoScheduleTaints.some((c) => c > 0),
    preferredAffinity,
    hasPreferredAffinity: preferred.length > 0,
    imageLocality: imageLocality.scores(cluster, pod.images),
    matchesNodeAffinity,
    toleratesTaints,
  };
}

/** Cache of static results by PodInfo.staticKey; nodes never change during a simulation. */
export class StaticResultsCache {
  private readonly entries = new Map<string, StaticResults>();

  constructor(
    private readonly cluster: SchedulerCache,
    private readonly filters: StaticFilters = ALL_STATIC,
  ) {}

  get(pod: PodInfo): StaticResults {
    let entry = this.entries.get(staticKeyOf(pod));
    if (!entry) {
      entry = computeStaticResults(this.cluster, pod, this.filters);
      this.entries.set(staticKeyOf(pod), entry);
    }
    return entry;
  }
}
