// Text output folds big gangs: past FOLD_ABOVE pods, one line per outcome with counts replaces a row
// per pod (`998 pods Scheduled on 998 nodes (zone-0)`). `-o wide` (explain: also --show-all) and
// -o json keep every row.

import { groupBy } from '../group-by.js';

/** Up to this many pods, text output lists each one. */
export const FOLD_ABOVE = 20;

export interface PlacedPod {
  readonly outcome: string;
  readonly node?: string | null;
}

const podCount = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;

/** One line per outcome: how many pods, and for the scheduled ones on how many nodes (in `domain`). */
export function outcomeSummaries(pods: readonly PlacedPod[], domain?: string | null): string[] {
  return [...groupBy(pods, (p) => p.outcome)].map(([outcome, list]) => {
    if (outcome !== 'Scheduled') return `${podCount(list.length)} ${outcome}`;
    const nodes = new Set(list.map((p) => p.node)).size;
    return `${podCount(list.length)} Scheduled on ${nodes} node${nodes === 1 ? '' : 's'}${domain ? ` (${domain})` : ''}`;
  });
}
