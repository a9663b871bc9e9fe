// SelectVictimsOnNode (DefaultPreemption, spec scheduler.md §4): remove every lower-priority pod,
// check that the preemptor fits, then reprieve pods most important first — PDB-violating ones
// before the others — keeping as victims only those whose return makes the preemptor not fit.
// A dry run: the node is left as it was found.

import type { ClusterState } from '../cluster.js';
import type { PodInfo } from '../pod-info.js';
import type { PodScheduler } from '../schedule-pod.js';
import type { NodeStatus } from '../status.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import { splitByViolation, type Budget } from './pdb.js';
import { moreImportantPod } from './priority.js';

export interface NodeVictims {
  readonly node: number;
  /** Most important first. */
  readonly victims: readonly PodInfo[];
  readonly pdbViolations: number;
}

export const NO_VICTIMS_STATUS: NodeStatus = { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_MESSAGE.noVictims] };

function removePod(cluster: ClusterState, pod: PodInfo, node: number): void {
  cluster.remove(pod, node, cluster.requestVector(pod));
}

function addPod(cluster: ClusterState, pod: PodInfo, node: number): void {
  cluster.add(pod, node, cluster.requestVector(pod));
}

/** Victims on `node` for `pod`, or the status explaining why there are none. 1.36: victims are judged by their own pod priority. */
export function selectVictimsOnNode(scheduler: PodScheduler, pod: PodInfo, vector: Float64Array, node: number, pdbs: readonly Budget[]): NodeVictims | NodeStatus {
  const { cluster } = scheduler;
  const potential = (cluster.podsOnNode[node] ?? []).filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return NO_VICTIMS_STATUS;
  for (const p of potential) removePod(cluster, p, node);
  const failure = scheduler.filterNode(pod, vector, node);
  if (failure) {
    for (const p of potential) addPod(cluster, p, node);
    return failure;
  }
  potential.sort(moreImportantPod);
  const { violating, nonViolating } = splitByViolation(potential, (p) => [p], pdbs);
  const victims: PodInfo[] = [];
  let pdbViolations = 0;
  const reprieve = (p: PodInfo): boolean => {
    addPod(cluster, p, node);
    if (scheduler.filterNode(pod, vector, node) === undefined) return true;
    removePod(cluster, p, node);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  for (const p of victims) addPod(cluster, p, node);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(moreImportantPod);
  return { node, victims, pdbViolations };
}
