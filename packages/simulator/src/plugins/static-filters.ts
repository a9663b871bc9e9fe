// The filters whose answer depends only on the pod's spec and the node, never on other pods:
// NodeUnschedulable, NodeName, TaintToleration, NodeAffinity (in that upstream order), plus the
// node-only scores TaintToleration (PreferNoSchedule count), NodeAffinity (preferred weights) and
// ImageLocality.
// Computed once per pod static signature and shared by every pod with that signature.

import type { Taint } from '@kubectl-workload/api';
import type { ClusterState, NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import { nodeSelectorMatches, nodeSelectorTermMatches, toleratesAll } from '../selectors.js';
import { imageLocalityScores } from './image-locality.js';
import type { NodeStatus } from '../status.js';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Index 0 means "passed"; the rest are the static failures in filter order. */
export const STATIC_STATUSES: readonly (NodeStatus | undefined)[] = [
  undefined,
  { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeUnschedulable] },
  { plugin: 'NodeName', code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeName] },
  { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [REASON.untoleratedTaint] },
  { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [REASON.nodeAffinity] },
];
export const STATIC_FILTER_PLUGINS = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity'] as const;

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

function taintsTolerated(pod: PodInfo, node: NodeInfo): boolean {
  return !node.taints.some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesAll(pod.tolerations, t));
}

function nodeAffinityMatches(pod: PodInfo, node: NodeInfo): boolean {
  const spec = pod.pod.spec ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) if (node.labels[key] !== value) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorMatches(required.nodeSelectorTerms ?? [], node.labels, node.name);
}

function staticStatus(pod: PodInfo, node: NodeInfo, tolerated: boolean, affinity: boolean): number {
  if (node.unschedulable && !toleratesAll(pod.tolerations, UNSCHEDULABLE_TAINT)) return 1;
  const nodeName = pod.pod.spec?.nodeName;
  if (nodeName && nodeName !== node.name) return 2;
  if (!tolerated) return 3;
  return affinity ? 0 : 4;
}

export function computeStaticResults(cluster: ClusterState, pod: PodInfo): StaticResults {
  const n = cluster.nodeCount;
  const status = new Uint8Array(n);
  const preferNoScheduleTaints = new Int32Array(n);
  const preferredAffinity = new Int32Array(n);
  const matchesNodeAffinity = new Uint8Array(n);
  const toleratesTaints = new Uint8Array(n);
  const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const softTolerations = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  for (const node of cluster.nodes) {
    const i = node.index;
    const tolerated = taintsTolerated(pod, node);
    const affinity = nodeAffinityMatches(pod, node);
    toleratesTaints[i] = tolerated ? 1 : 0;
    matchesNodeAffinity[i] = affinity ? 1 : 0;
    status[i] = staticStatus(pod, node, tolerated, affinity);
    let count = 0;
    for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !toleratesAll(softTolerations, t)) count++;
    preferNoScheduleTaints[i] = count;
    let weight = 0;
    for (const term of preferred) if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, node.labels, node.name)) weight += term.weight;
    preferredAffinity[i] = weight;
  }
  return { status, preferNoScheduleTaints, anyPreferNoScheduleTaint: preferNoScheduleTaints.some((c) => c > 0), preferredAffinity, hasPreferredAffinity: preferred.length > 0, imageLocality: imageLocalityScores(cluster, pod.images), matchesNodeAffinity, toleratesTaints };
}

/** Cache of static results by PodInfo.staticKey; nodes never change during a simulation. */
export class StaticResultsCache {
  private readonly entries = new Map<string, StaticResults>();

  constructor(private readonly cluster: ClusterState) {}

  get(pod: PodInfo): StaticResults {
    let entry = this.entries.get(pod.staticKey);
    if (!entry) {
      entry = computeStaticResults(this.cluster, pod);
      this.entries.set(pod.staticKey, entry);
    }
    return entry;
  }
}
