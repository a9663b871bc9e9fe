// NodeResourcesFit. Filter: `Too many pods` first, then one `Insufficient <resource>` per short
// resource; UnschedulableAndUnresolvable when a request exceeds the node's whole allocatable
// (preemption cannot help). Score: the scoringStrategy (LeastAllocated, MostAllocated or
// RequestedToCapacityRatio) over the configured resources and weights, in upstream integer
// arithmetic; MostAllocated also scores TAS placements (PlacementScore).

import { CPU, MEMORY, PODS, type SchedulerCache } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';
import { MAX_NODE_SCORE } from './helper/normalize-score.js';

export const NAME = 'NodeResourcesFit';

/** Interned statuses, so nodes failing the same way share one object. */
const interned = new Map<string, FilterStatus>();

function status(reasons: string[], unresolvable: boolean): FilterStatus {
  const key = `${unresolvable ? 1 : 0}${reasons.join('\n')}`;
  let s = interned.get(key);
  if (!s) {
    s = { plugin: NAME, code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
    interned.set(key, s);
  }
  return s;
}

/** Undefined when the pod fits. `vector` is SchedulerCache.requestVector(pod). */
export function filter(cluster: SchedulerCache, node: number, vector: Float64Array): FilterStatus | undefined {
  const dims = vector.length;
  const base = node * dims;
  const { allocatable, requested } = cluster;
  let fits = true;
  for (let d = 0; d < dims; d++) {
    const want = vector[d] as number;
    if (want > 0 && want + (requested[base + d] as number) > (allocatable[base + d] as number)) {
      fits = false;
      break;
    }
  }
  if (fits) return undefined;
  const reasons: string[] = [];
  let unresolvable = false;
  for (let d = 0; d < dims; d++) {
    const want = vector[d] as number;
    const alloc = allocatable[base + d] as number;
    if (want > 0 && want + (requested[base + d] as number) > alloc) {
      reasons.push(d === PODS ? REASON.tooManyPods : REASON.insufficient(cluster.dimensions[d] as string));
      if (want > alloc) unresolvable = true;
    }
  }
  // Upstream checks the pod count before the resources.
  const podsFirst = reasons.includes(REASON.tooManyPods)
    ? [REASON.tooManyPods, ...reasons.filter((r) => r !== REASON.tooManyPods)]
    : reasons;
  return status(podsFirst, unresolvable);
}

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';
export const SCORING_STRATEGY_TYPES: readonly ScoringStrategyType[] = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'];

export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}

/** A point of the RequestedToCapacityRatio shape, score on the config's 0..10 scale. */
export interface ShapePoint {
  readonly utilization: number;
  readonly score: number;
}

export interface ScoringStrategy {
  readonly type: ScoringStrategyType;
  readonly resources: readonly ResourceSpec[];
  /** RequestedToCapacityRatio only. */
  readonly shape?: readonly ShapePoint[];
}

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
export const DEFAULT_SCORING_STRATEGY: ScoringStrategy = { type: 'LeastAllocated', resources: DEFAULT_RESOURCES };

/** MaxNodeScore / MaxCustomPriorityScore: shape scores are given on 0..10. */
const SHAPE_SCALE = 10;
const MAX_UTILIZATION = 100;

/** ((capacity − requested) × 100) / capacity; 0 when over or without capacity. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** (requested × 100) / capacity, requested capped at capacity; 0 without capacity. */
function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

/** helper.BuildBrokenLinearFunction over the scaled shape, in Go's truncating integer division. */
function brokenLinear(shape: readonly ShapePoint[]): (p: number) => number {
  const points = shape.map((s) => ({ utilization: s.utilization, score: s.score * SHAPE_SCALE }));
  return (p) => {
    for (let i = 0; i < points.length; i++) {
      const at = points[i] as ShapePoint;
      if (p > at.utilization) continue;
      if (i === 0) return at.score;
      const before = points[i - 1] as ShapePoint;
      return before.score + Math.trunc(((at.score - before.score) * (p - before.utilization)) / (at.utilization - before.utilization));
    }
    return (points[points.length - 1] as ShapePoint).score;
  };
}

/** Node score from per-resource requested and allocatable, indexed like strategy.resources. */
export type ResourceScorer = (requested: ArrayLike<number>, allocatable: ArrayLike<number>) => number;

/**
 * The weighted mean over resources with allocatable. `ratio`: requestedToCapacityRatioScorer, where
 * resources scoring 0 leave the mean and the mean is rounded; otherwise truncated (Go int64 division).
 */
function weightedMean(
  resources: readonly ResourceSpec[],
  perResource: (requested: number, capacity: number) => number,
  ratio = false,
): ResourceScorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < resources.length; i++) {
      const capacity = allocatable[i] as number;
      if (capacity === 0) continue;
      const score = perResource(requested[i] as number, capacity);
      if (ratio && score <= 0) continue;
      const weight = (resources[i] as ResourceSpec).weight;
      nodeScore += score * weight;
      weightSum += weight;
    }
    if (weightSum === 0) return 0;
    return ratio ? Math.round(nodeScore / weightSum) : Math.trunc(nodeScore / weightSum);
  };
}

function ratioScorer(resources: readonly ResourceSpec[], shape: readonly ShapePoint[]): ResourceScorer {
  const raw = brokenLinear(shape);
  return weightedMean(
    resources,
    (requested, capacity) => (requested > capacity ? raw(MAX_UTILIZATION) : raw(Math.trunc((requested * MAX_UTILIZATION) / capacity))),
    true,
  );
}

export function resourceScorer(strategy: ScoringStrategy): ResourceScorer {
  switch (strategy.type) {
    case 'LeastAllocated':
      return weightedMean(strategy.resources, leastRequestedScore);
    case 'MostAllocated':
      return weightedMean(strategy.resources, mostRequestedScore);
    case 'RequestedToCapacityRatio':
      return ratioScorer(strategy.resources, strategy.shape ?? []);
  }
}

/**
 * calculateResourceAllocatableRequest for each of `resources` on `node` with `pod` added: cpu and
 * memory count non-zero requests unless `useRequested`; an extended resource the pod does not ask
 * for counts as (0, 0) and is skipped. Writes into `requested` and `allocatable`.
 */
export function fillRequests(
  cluster: SchedulerCache,
  pod: PodInfo,
  node: number,
  resources: readonly ResourceSpec[],
  useRequested: boolean,
  requested: Float64Array,
  allocatable: Float64Array,
): void {
  const base = node * cluster.dimensions.length;
  for (let i = 0; i < resources.length; i++) {
    const name = (resources[i] as ResourceSpec).name;
    const d = cluster.dimensionIndex.get(name);
    const podRequest =
      name === 'cpu' && !useRequested
        ? pod.nonZeroMilliCpu
        : name === 'memory' && !useRequested
          ? pod.nonZeroMemory
          : (pod.requests.get(name) ?? 0);
    if (d === undefined || d === PODS || (d > PODS && podRequest === 0)) {
      requested[i] = 0;
      allocatable[i] = 0;
      continue;
    }
    const onNode =
      d === CPU && !useRequested
        ? (cluster.nonZeroMilliCpu[node] as number)
        : d === MEMORY && !useRequested
          ? (cluster.nonZeroMemory[node] as number)
          : (cluster.requested[base + d] as number);
    requested[i] = onNode + podRequest;
    allocatable[i] = cluster.allocatable[base + d] as number;
  }
}

/** PlacementScore: MostAllocated over the placement's summed allocatable and (existing + proposed) non-zero requests, with the strategy's resource weights. */
export function scorePlacement(cluster: SchedulerCache, nodes: Int32Array, resources: readonly ResourceSpec[]): number {
  const dims = cluster.dimensions.length;
  const requested = new Float64Array(resources.length);
  const allocatable = new Float64Array(resources.length);
  resources.forEach((r, i) => {
    const d = cluster.dimensionIndex.get(r.name);
    if (d === undefined || d === PODS) return;
    for (const node of nodes) {
      allocatable[i] = (allocatable[i] as number) + (cluster.allocatable[node * dims + d] as number);
      const onNode =
        d === CPU ? cluster.nonZeroMilliCpu[node] : d === MEMORY ? cluster.nonZeroMemory[node] : cluster.requested[node * dims + d];
      requested[i] = (requested[i] as number) + (onNode as number);
    }
  });
  return weightedMean(resources, mostRequestedScore)(requested, allocatable);
}
