// SelectVictimsOnNode (DefaultPreemption, spec scheduler.md §4): remove every lower-priority pod,
// check that the preemptor fits, then reprieve pods most important first — PDB-violating ones
// before the others — keeping as victims only those whose return makes the preemptor not fit.
// A dry run: the node is left as it was found.
//
// When only NodeResourcesFit can still fail on the node (no host ports, spread or inter-pod terms),
// the dry run adds and subtracts request vectors on a scratch copy of the node's requests instead
// of moving pods in the cluster; the answer is the same, found without touching shared state.

import type { SchedulerCache } from '../cluster.js';
import * as interPodAffinity from '../plugins/inter-pod-affinity.js';
import type { PodInfo } from '../pod-info.js';
import type { PodScheduler } from '../schedule-pod.js';
import type { FilterStatus } from '../status.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import { splitByViolation, type Budget } from './pdb.js';
import { moreImportantPod } from './priority.js';

export interface NodeVictims {
  readonly node: number;
  /** Most important first. */
  readonly victims: readonly PodInfo[];
  readonly pdbViolations: number;
}

export const NO_VICTIMS_STATUS: FilterStatus = {
  plugin: 'DefaultPreemption',
  code: 'UnschedulableAndUnresolvable',
  reasons: [PREEMPTION_MESSAGE.noVictims],
};

/** How a dry run changes the node and asks whether the preemptor fits. */
interface NodeModel {
  remove: (p: PodInfo) => void;
  add: (p: PodInfo) => void;
  fits(): boolean;
}

/** Moves pods in the cluster and runs every filter (ports, spread, inter-pod affinity may depend on them). */
function clusterModel(scheduler: PodScheduler, pod: PodInfo, vector: Float64Array, node: number): NodeModel {
  const { cluster } = scheduler;
  return {
    remove: (p) => cluster.remove(p, node, cluster.requestVector(p)),
    add: (p) => cluster.add(p, node, cluster.requestVector(p)),
    fits: () => scheduler.filterNode(pod, vector, node) === undefined,
  };
}

/** NodeResourcesFit only: the same arithmetic as resourceFitStatus on a scratch copy of the node's requests. */
function resourceModel(cluster: SchedulerCache, vector: Float64Array, node: number): NodeModel {
  const dims = vector.length;
  const base = node * dims;
  const requested = cluster.requested.slice(base, base + dims);
  const allocatable = cluster.allocatable.subarray(base, base + dims);
  const vectors = new Map<PodInfo, Float64Array>();
  const shift = (p: PodInfo, sign: number): void => {
    let v = vectors.get(p);
    if (!v) {
      v = cluster.requestVector(p);
      vectors.set(p, v);
    }
    for (let d = 0; d < dims; d++) requested[d] = (requested[d] as number) + sign * (v[d] as number);
  };
  return {
    remove: (p) => shift(p, -1),
    add: (p) => shift(p, 1),
    fits: () => {
      for (let d = 0; d < dims; d++) {
        const want = vector[d] as number;
        if (want > 0 && want + (requested[d] as number) > (allocatable[d] as number)) return false;
      }
      return true;
    },
  };
}

function onlyResourcesMatter(scheduler: PodScheduler, cluster: SchedulerCache, pod: PodInfo): boolean {
  return pod.hostPorts.length === 0 && scheduler.spreadOf(pod).hard.length === 0 && !interPodAffinity.needsFilter(cluster, pod);
}

/** The filter status on `node` with every pod in `removed` taken off (for the preemption FitError). */
function statusWithout(
  scheduler: PodScheduler,
  pod: PodInfo,
  vector: Float64Array,
  node: number,
  removed: readonly PodInfo[],
): FilterStatus | undefined {
  const model = clusterModel(scheduler, pod, vector, node);
  removed.forEach(model.remove);
  const status = scheduler.filterNode(pod, vector, node);
  removed.forEach(model.add);
  return status;
}

/**
 * Victims on `node` for `pod`, or the status explaining why there are none. 1.36: victims are judged
 * by their own pod priority. `pending` pods (nominated pods held on the node) are never victims.
 */
export function selectVictimsOnNode(
  scheduler: PodScheduler,
  pod: PodInfo,
  vector: Float64Array,
  node: number,
  pdbs: readonly Budget[],
  pending: (p: PodInfo) => boolean = () => false,
): NodeVictims | FilterStatus {
  const { cluster } = scheduler;
  const potential = (cluster.podsOnNode[node] ?? []).filter((p) => p.priority < pod.priority && !pending(p));
  if (potential.length === 0) return NO_VICTIMS_STATUS;
  const model = onlyResourcesMatter(scheduler, cluster, pod)
    ? resourceModel(cluster, vector, node)
    : clusterModel(scheduler, pod, vector, node);
  potential.forEach(model.remove);
  if (!model.fits()) {
    potential.forEach(model.add);
    return statusWithout(scheduler, pod, vector, node, potential) ?? NO_VICTIMS_STATUS;
  }
  potential.sort(moreImportantPod);
  const { violating, nonViolating } = splitByViolation(potential, (p) => [p], pdbs);
  const victims: PodInfo[] = [];
  let pdbViolations = 0;
  const reprieve = (p: PodInfo): boolean => {
    model.add(p);
    if (model.fits()) return true;
    model.remove(p);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  victims.forEach(model.add);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(moreImportantPod);
  return { node, victims, pdbViolations };
}
