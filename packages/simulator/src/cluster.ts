// The scheduler cache for one simulation: nodes in a fixed order (sorted by name) with their
// allocatable and requested resources in flat typed arrays (node-major, one slot per resource
// dimension), the pods on each node, and per-group counts of scheduled members.

import { schedulerUnits, type Node, type NodeStatus, type Taint } from '@kubectl-workload/api';
import type { HostPort, PodInfo } from './pod-info.js';
import type { DraState } from './plugins/dynamic-resources.js';
import * as volumeBinding from './plugins/volume-binding.js';
import type { Labels } from './selectors.js';
import { VolumeCache } from './volume-cache.js';

export const CPU = 0;
export const MEMORY = 1;
export const EPHEMERAL_STORAGE = 2;
export const PODS = 3;
const BASE_DIMENSIONS = ['cpu', 'memory', 'ephemeral-storage', 'pods'];

export interface NodeInfo {
  readonly index: number;
  readonly name: string;
  readonly labels: Labels;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
  /** Image name → size in bytes, from status.images (every listed name of an image). */
  readonly images: ReadonlyMap<string, number>;
}

/** core/v1 NodeStatus.images, which the shared API types leave out. */
interface NodeWithImages extends Node {
  status?: NodeStatus & { images?: { names?: string[]; sizeBytes?: number }[] };
}

export class NodeError extends Error {}

function nodeInfo(node: NodeWithImages, index: number): NodeInfo {
  const images = new Map<string, number>();
  for (const image of node.status?.images ?? []) for (const name of image.names ?? []) images.set(name, image.sizeBytes ?? 0);
  return {
    index,
    name: node.metadata?.name ?? '',
    labels: node.metadata?.labels ?? {},
    taints: node.spec?.taints ?? [],
    unschedulable: node.spec?.unschedulable === true,
    images,
  };
}

/**
 * The scheduler cache the simulation runs on (upstream internalcache): every node's NodeInfo with
 * its bound and assumed pods. Not the cluster package's ClusterState, the objects read from a cluster.
 */
export class SchedulerCache {
  readonly nodes: readonly NodeInfo[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Resource names; index = dimension. */
  readonly dimensions: readonly string[];
  readonly dimensionIndex: ReadonlyMap<string, number>;
  readonly allocatable: Float64Array;
  readonly requested: Float64Array;
  readonly nonZeroMilliCpu: Float64Array;
  readonly nonZeroMemory: Float64Array;
  /** Bumped whenever a node's pods change: per-node results cached with an older version are stale. */
  readonly nodeVersion: Uint32Array;
  readonly podsOnNode: PodInfo[][];
  readonly portsOnNode: HostPort[][];
  /** Where each bound or assumed pod sits, by pod key. */
  readonly placement = new Map<string, number>();
  /** How many nodes list each image name (ImageLocality's spread). */
  readonly imageNodeCount = new Map<string, number>();
  /** Bound + assumed members per PodGroup key. */
  readonly groupScheduled = new Map<string, PodInfo[]>();
  /**
   * Bound or assumed pods with required anti-affinity, and with any (anti-)affinity term: the only
   * existing pods InterPodAffinity reads for an incoming pod without terms of its own.
   */
  readonly withRequiredAntiAffinity = new Set<PodInfo>();
  readonly withAffinityTerms = new Set<PodInfo>();
  /** DynamicResources' claims and devices; set after the snapshot's bound pods are added (their claims are allocated already). */
  dra: DraState | undefined;

  /**
   * `extraDimensions`: resources pods request that nodes may not list (they get allocatable 0).
   * `volumes`: the storage objects; adding a pod assumes its volumes (VolumeBinding Reserve).
   */
  constructor(
    nodes: readonly Node[],
    extraDimensions: Iterable<string> = [],
    readonly volumes: VolumeCache = new VolumeCache(),
  ) {
    const sorted = [...nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    this.nodes = sorted.map(nodeInfo);
    this.nodeIndex = new Map(this.nodes.map((n) => [n.name, n.index]));
    for (const n of this.nodes) for (const name of n.images.keys()) this.imageNodeCount.set(name, (this.imageNodeCount.get(name) ?? 0) + 1);
    const dims = [...BASE_DIMENSIONS];
    const seen = new Set(dims);
    const addDim = (name: string): void => {
      if (!seen.has(name)) {
        seen.add(name);
        dims.push(name);
      }
    };
    for (const n of sorted) for (const name of Object.keys(n.status?.allocatable ?? {})) addDim(name);
    for (const name of extraDimensions) addDim(name);
    this.dimensions = dims;
    this.dimensionIndex = new Map(dims.map((d, i) => [d, i]));
    const size = sorted.length * dims.length;
    this.allocatable = new Float64Array(size);
    this.requested = new Float64Array(size);
    this.nonZeroMilliCpu = new Float64Array(sorted.length);
    this.nonZeroMemory = new Float64Array(sorted.length);
    this.nodeVersion = new Uint32Array(sorted.length);
    this.podsOnNode = sorted.map(() => []);
    this.portsOnNode = sorted.map(() => []);
    sorted.forEach((n, i) => {
      for (const [name, value] of Object.entries(n.status?.allocatable ?? {})) {
        try {
          this.allocatable[i * dims.length + (this.dimensionIndex.get(name) as number)] = schedulerUnits(name, value);
        } catch (err) {
          throw new NodeError(`Node ${n.metadata?.name ?? ''}: status.allocatable[${name}]: ${(err as Error).message}`, { cause: err });
        }
      }
    });
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  /** Allocatable minus requested of `resource`, summed over `nodes`; 0 for a resource no node or pod names. */
  freeCapacity(nodes: ArrayLike<number>, resource: string): number {
    const d = this.dimensionIndex.get(resource);
    if (d === undefined) return 0;
    const dims = this.dimensions.length;
    let total = 0;
    for (let i = 0; i < nodes.length; i++) {
      const at = (nodes[i] as number) * dims + d;
      total += (this.allocatable[at] as number) - (this.requested[at] as number);
    }
    return total;
  }

  /** The pod's requests as a dense vector over this cluster's dimensions (pods = 1). */
  requestVector(pod: PodInfo): Float64Array {
    const v = new Float64Array(this.dimensions.length);
    for (const [name, value] of pod.requests) {
      const d = this.dimensionIndex.get(name);
      if (d !== undefined) v[d] = value;
    }
    v[PODS] = 1;
    return v;
  }

  /** Account a pod (bound or assumed) on a node; `vector` from requestVector. */
  add(pod: PodInfo, node: number, vector: Float64Array): void {
    this.move(pod, node, vector, 1);
    this.podsOnNode[node]?.push(pod);
    for (const port of pod.hostPorts) this.portsOnNode[node]?.push(port);
    this.placement.set(pod.key, node);
    if (pod.hasClaims) this.dra?.reserve(pod, this.nodes[node] as NodeInfo);
    if (pod.volumeClaims.length > 0) volumeBinding.reserve(pod, this.nodes[node] as NodeInfo, this.volumes);
    if (pod.groupKey) {
      const members = this.groupScheduled.get(pod.groupKey) ?? [];
      members.push(pod);
      this.groupScheduled.set(pod.groupKey, members);
    }
    this.countTerms(pod, 1);
  }

  /** Undo add (the revert of an assume). */
  remove(pod: PodInfo, node: number, vector: Float64Array): void {
    this.move(pod, node, vector, -1);
    const pods = this.podsOnNode[node] ?? [];
    pods.splice(pods.lastIndexOf(pod), 1);
    const ports = this.portsOnNode[node] ?? [];
    for (const port of pod.hostPorts) ports.splice(ports.lastIndexOf(port), 1);
    this.placement.delete(pod.key);
    if (pod.hasClaims) this.dra?.unreserve(pod);
    this.volumes.release(pod.key);
    if (pod.groupKey) {
      const members = this.groupScheduled.get(pod.groupKey) ?? [];
      members.splice(members.lastIndexOf(pod), 1);
    }
    this.countTerms(pod, -1);
  }

  scheduledMembers(groupKey: string): readonly PodInfo[] {
    return this.groupScheduled.get(groupKey) ?? [];
  }

  private move(pod: PodInfo, node: number, vector: Float64Array, sign: number): void {
    this.nodeVersion[node] = (this.nodeVersion[node] ?? 0) + 1;
    const base = node * this.dimensions.length;
    for (let d = 0; d < vector.length; d++) this.requested[base + d] = (this.requested[base + d] ?? 0) + sign * (vector[d] ?? 0);
    this.nonZeroMilliCpu[node] = (this.nonZeroMilliCpu[node] ?? 0) + sign * pod.nonZeroMilliCpu;
    this.nonZeroMemory[node] = (this.nonZeroMemory[node] ?? 0) + sign * pod.nonZeroMemory;
  }

  private countTerms(pod: PodInfo, sign: number): void {
    const update = (set: Set<PodInfo>): void => {
      if (sign > 0) set.add(pod);
      else set.delete(pod);
    };
    if (pod.requiredAntiAffinity.length > 0) update(this.withRequiredAntiAffinity);
    if (
      pod.requiredAffinity.length + pod.requiredAntiAffinity.length + pod.preferredAffinity.length + pod.preferredAntiAffinity.length >
      0
    ) {
      update(this.withAffinityTerms);
    }
  }
}
