// Filter reasons counted over nodes: explain's FitError breakdown for one group and, with
// `simulate -o html`, the same breakdown for every gang of a run.

import type { PodAttempt, PodResult } from '@kubectl-workload/simulator';

export interface NodeReasonCount {
  readonly reason: string;
  /** Nodes that gave this reason for at least one pod of the group. */
  readonly nodes: number;
}

/** Per filter reason, the distinct nodes that gave it for any pod it was fed. */
export class NodeReasons {
  private readonly nodesByReason = new Map<string, Set<string>>();

  private add(reason: string, node: string): void {
    const nodes = this.nodesByReason.get(reason);
    if (nodes) nodes.add(node);
    else this.nodesByReason.set(reason, new Set([node]));
  }

  /** From the per-node filter traces of simulated pods. */
  addTraces(results: readonly PodResult[]): void {
    for (const r of results) {
      for (const [node, plugins] of Object.entries(r.trace?.filter ?? {})) {
        for (const verdict of Object.values(plugins)) {
          if (verdict !== 'passed') for (const reason of verdict.split(', ')) this.add(reason, node);
        }
      }
    }
  }

  /** From the FitError of an attempt that fit no node: every node of it failed, with its reasons. */
  addFitError(attempt: PodAttempt): void {
    for (const [node, status] of attempt.fitError?.statuses ?? []) for (const reason of status.reasons) this.add(reason, node);
  }

  /** Each node's reasons, for the picture's per-node detail. */
  byNode(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const [reason, nodes] of this.nodesByReason) for (const node of nodes) result.set(node, [...(result.get(node) ?? []), reason]);
    return result;
  }

  counts(): NodeReasonCount[] {
    return [...this.nodesByReason]
      .map(([reason, nodes]) => ({ reason, nodes: nodes.size }))
      .sort((a, b) => b.nodes - a.nodes || a.reason.localeCompare(b.reason));
  }
}
