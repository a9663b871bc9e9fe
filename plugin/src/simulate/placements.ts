// A gang's placements as the JSON reports them (simulate's podGroups[].placements and explain's
// placement.placements): which domains were generated, which were feasible, which won, and the
// PlacementScore of each when several were feasible.

import type { PlacementReport } from '@kubectl-workload/simulator';

/** The simulator's placement report with JSON nulls; the tie is reported in `tieBroken`, per-domain fits only by explain. */
export type ReportPlacements = Omit<PlacementReport, 'chosen' | 'tie' | 'domains'> & { readonly chosen: string | null };

export function reportPlacements(p: PlacementReport | undefined): ReportPlacements | null {
  return p ? { key: p.key, generated: p.generated, feasible: p.feasible, chosen: p.chosen ?? null, scores: p.scores } : null;
}
