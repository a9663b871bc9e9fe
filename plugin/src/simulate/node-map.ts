// What `simulate -o html` adds to the report for the placement picture: the node map after the run
// (explain's, built by the same function) and per gang its filter reasons counted over nodes, both
// collected from the FitErrors the run's own group cycles produce (no second simulation).

import type { KubeObject, Pod } from '@kubectl-workload/api';
import { podRequests, type PodAttempt, type Simulation } from '@kubectl-workload/simulator';
import { nodeMap, type NodeMap } from '../explain/placement/node-cells.js';
import { NodeReasons, type NodeReasonCount } from '../explain/placement/node-reasons.js';

/** Collects every gang member's FitError of the run, per gang and over all gangs. */
export class GangReasons {
  readonly all = new NodeReasons();
  private readonly byGroup = new Map<string, NodeReasons>();

  readonly onUnschedulable = (attempt: PodAttempt): void => {
    this.all.addFitError(attempt);
    const key = attempt.pod.groupKey;
    if (key === undefined) return;
    let reasons = this.byGroup.get(key);
    if (!reasons) this.byGroup.set(key, (reasons = new NodeReasons()));
    reasons.addFitError(attempt);
  };

  of(namespace: string, name: string): NodeReasonCount[] {
    return this.byGroup.get(`${namespace}/${name}`)?.counts() ?? [];
  }
}

/** Resources the pending pods request: the picture colours by the blocking one. */
function pendingRequests(objects: readonly KubeObject[]): string[] {
  const pending = objects.filter((o): o is Pod => o.kind === 'Pod' && !(o as Pod).spec?.nodeName);
  return [...new Set(pending.flatMap((p) => [...podRequests(p).requests.keys()]))];
}

/**
 * Nodes grouped by `groupBy` (--html-group-by, else the first reported gang's topology key, else the zone label), coloured by what is
 * free after the run, with the reasons any gang member got on each node and the members placed.
 */
export function simulationNodeMap(
  simulation: Simulation,
  objects: readonly KubeObject[],
  reasons: GangReasons,
  groupBy: string | undefined,
  placed: ReadonlyArray<{ readonly name: string; readonly node: string | null }>,
): NodeMap {
  const { cluster } = simulation;
  return nodeMap(cluster, cluster.requested, groupBy, reasons.all.counts(), reasons.all.byNode(), placed, pendingRequests(objects));
}
