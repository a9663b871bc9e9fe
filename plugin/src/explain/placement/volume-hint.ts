// When volumes keep a gang pending, "add nodes" is the wrong advice: a claim that is unbound,
// missing or lost blocks every node, and bound or local PVs (zone, node affinity, attach limits)
// admit only some. The hint names the volume reason instead.

import { volumeReasonKind } from '@kubectl-workload/simulator';
import type { NodeReasonCount } from './analysis.js';

export function volumeHint(reasons: readonly NodeReasonCount[]): string | null {
  const claim = reasons.find((r) => volumeReasonKind(r.reason) === 'claim');
  if (claim) return `bind or create the pods' PersistentVolumeClaims first (${claim.reason}); until then no node can take the pod`;
  const placement = reasons.filter((r) => volumeReasonKind(r.reason) === 'placement');
  if (placement.length === 0) return null;
  const listed = placement.map((r) => `${r.reason} on ${r.nodes} ${r.nodes === 1 ? 'node' : 'nodes'}`).join(', ');
  return `the pods' volumes decide where they can run (${listed}): free room on nodes that can reach the volumes, or place the volumes where there is room; other new nodes do not help`;
}
