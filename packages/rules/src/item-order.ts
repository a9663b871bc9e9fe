// The API server validates a list item by item (every check of item 0, then of item 1, …), while
// our rules are one per check. This puts findings of consecutive rules that share `itemsOf` back
// into the API server's order: by item index, and by rule order within an item.

import { findingField } from './finding.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';

export interface RankedFinding {
  rule: Rule;
  /** The rule's position in the registry. */
  rank: number;
  finding: Finding;
}

function indicesOf(field: string): number[] {
  return [...field.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/**
 * Item indices decide where they differ (`[0].x` before `[1].y`, `[0].c[0]` before `[0].c[1]`);
 * when one path's indices are a prefix of the other's (`[0].mode` and `[0].claims[1].name`), rule
 * order decides. Rules of one nested list are contiguous in the registry, so this is a total order.
 */
function compare(a: RankedFinding & { idx: number[] }, b: RankedFinding & { idx: number[] }): number {
  const n = Math.min(a.idx.length, b.idx.length);
  for (let i = 0; i < n; i++) {
    const d = (a.idx[i] ?? 0) - (b.idx[i] ?? 0);
    if (d) return d;
  }
  return a.rank - b.rank;
}

export function orderLikeApiServer(ranked: readonly RankedFinding[]): RankedFinding[] {
  const out: RankedFinding[] = [];
  let i = 0;
  while (i < ranked.length) {
    const list = ranked[i]?.rule.itemsOf;
    let j = i + 1;
    if (list) while (j < ranked.length && ranked[j]?.rule.itemsOf === list) j++;
    if (list && j - i > 1) {
      const run = ranked.slice(i, j).map((r) => ({ ...r, idx: indicesOf(findingField(r.finding)) }));
      // Array.prototype.sort is stable: one rule's findings keep their own order.
      out.push(...run.sort(compare).map(({ rule, rank, finding }) => ({ rule, rank, finding })));
    } else {
      // Nothing to reorder (most objects): no item indices to parse.
      for (let k = i; k < j; k++) out.push(ranked[k] as RankedFinding);
    }
    i = j;
  }
  return out;
}
