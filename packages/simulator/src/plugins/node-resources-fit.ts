// NodeResourcesFit. Filter: `Too many pods` first, then one `Insufficient <resource>` per short
// resource; UnschedulableAndUnresolvable when a request exceeds the node's whole allocatable
// (preemption cannot help). Score: the LeastAllocated and MostAllocated strategies, cpu and memory
// weighted 1:1, over non-zero requests; MostAllocated also scores TAS placements.

import { CPU, MEMORY, PODS, type SchedulerCache } from '../cluster.js';
import { REASON } from '../messages.js';
import type { FilterStatus } from '../status.js';

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
  const podsFirst = reasons.includes(REASON.tooManyPods) ? [REASON.tooManyPods, ...reasons.filter((r) => r !== REASON.tooManyPods)] : reasons;
  return status(podsFirst, unresolvable);
}

/** ((alloc − req) × 100) / alloc per resource, 0 when over; resources with alloc 0 skipped; integer mean. */
export function leastAllocated(allocCpu: number, reqCpu: number, allocMem: number, reqMem: number): number {
  let sum = 0;
  let count = 0;
  if (allocCpu > 0) {
    sum += reqCpu > allocCpu ? 0 : Math.floor(((allocCpu - reqCpu) * 100) / allocCpu);
    count++;
  }
  if (allocMem > 0) {
    sum += reqMem > allocMem ? 0 : Math.floor(((allocMem - reqMem) * 100) / allocMem);
    count++;
  }
  return count === 0 ? 0 : Math.floor(sum / count);
}

/** (req × 100) / alloc per resource, capped at 100; the same skipping and mean. */
export function mostAllocated(allocCpu: number, reqCpu: number, allocMem: number, reqMem: number): number {
  let sum = 0;
  let count = 0;
  if (allocCpu > 0) {
    sum += reqCpu > allocCpu ? 100 : Math.floor((reqCpu * 100) / allocCpu);
    count++;
  }
  if (allocMem > 0) {
    sum += reqMem > allocMem ? 100 : Math.floor((reqMem * 100) / allocMem);
    count++;
  }
  return count === 0 ? 0 : Math.floor(sum / count);
}

/** PlacementScore: MostAllocated over the placement's summed allocatable and (existing + proposed) non-zero requests. */
export function scorePlacement(cluster: SchedulerCache, nodes: Int32Array): number {
  const dims = cluster.dimensions.length;
  let allocCpu = 0;
  let allocMem = 0;
  let reqCpu = 0;
  let reqMem = 0;
  for (const node of nodes) {
    allocCpu += cluster.allocatable[node * dims + CPU] as number;
    allocMem += cluster.allocatable[node * dims + MEMORY] as number;
    reqCpu += cluster.nonZeroMilliCpu[node] as number;
    reqMem += cluster.nonZeroMemory[node] as number;
  }
  return mostAllocated(allocCpu, reqCpu, allocMem, reqMem);
}
