// NodeResourcesFit Filter: `Too many pods` first, then one `Insufficient <resource>` per short resource.
// UnschedulableAndUnresolvable when a request exceeds the node's whole allocatable (preemption cannot help).

import { PODS, type ClusterState } from '../cluster.js';
import { REASON } from '../messages.js';
import type { NodeStatus } from '../status.js';

/** Interned statuses, so nodes failing the same way share one object. */
const interned = new Map<string, NodeStatus>();

function status(reasons: string[], unresolvable: boolean): NodeStatus {
  const key = `${unresolvable ? 1 : 0}${reasons.join('\n')}`;
  let s = interned.get(key);
  if (!s) {
    s = { plugin: 'NodeResourcesFit', code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
    interned.set(key, s);
  }
  return s;
}

/** Undefined when the pod fits. `vector` is ClusterState.requestVector(pod). */
export function resourceFitStatus(cluster: ClusterState, node: number, vector: Float64Array): NodeStatus | undefined {
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
