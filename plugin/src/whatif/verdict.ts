// "Does MY job fit now?": one verdict per -f unit (a Job, Deployment or StatefulSet with its pods,
// a PodGroup, a bare Pod), read off the simulation of the whole cluster with the what-if added.

import type { SimulationResult } from '@kubectl-workload/simulator';
import type { WhatIfUnit } from './synthesize.js';

/** Nodes named in a verdict before "and N more". */
const MAX_NODES = 5;

export interface WhatIfVerdict {
  readonly kind: WhatIfUnit['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly file: string;
  readonly podGroup: string | null;
  /** null when there is nothing to place (a suspended Job, a PodGroup no pending pod names). */
  readonly fits: boolean | null;
  readonly pods: number;
  readonly scheduled: number;
  readonly nodes: readonly string[];
  /** Pods evicted to make room for it (preemption on). */
  readonly preempts: number;
  readonly message: string;
  readonly notes: readonly string[];
}

function nodeList(nodes: readonly string[]): string {
  const shown = nodes.slice(0, MAX_NODES).join(', ');
  return nodes.length > MAX_NODES ? `${shown} and ${nodes.length - MAX_NODES} more` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function whatIfVerdict(unit: WhatIfUnit, result: SimulationResult): WhatIfVerdict {
  const inGroup = (p: { namespace: string; podGroup: string | undefined }) =>
    p.namespace === unit.namespace && p.podGroup === unit.podGroup;
  const wanted = unit.pods ? new Set(unit.pods) : undefined;
  const pods = result.pods.filter((p) => (wanted ? wanted.has(`${p.namespace}/${p.name}`) : inGroup(p)));
  const total = unit.pods?.length ?? pods.length;
  const placed = pods.filter((p) => p.outcome === 'Scheduled');
  const nodes = [...new Set(placed.map((p) => p.node ?? ''))].sort();
  const preemptors = new Set([
    ...pods.map((p) => `${p.namespace}/${p.name}`),
    ...(unit.podGroup ? [`${unit.namespace}/${unit.podGroup}`] : []),
  ]);
  const preempts = result.victims.filter((v) => preemptors.has(v.preemptor)).length;
  const group =
    unit.podGroup === null ? undefined : result.podGroups.find((g) => g.namespace === unit.namespace && g.name === unit.podGroup);
  const fits = total === 0 ? null : placed.length === total;
  let message: string;
  if (fits === null) message = unit.kind === 'PodGroup' ? 'no pending pod names this PodGroup' : 'creates no pods';
  else if (fits)
    message = `fits now: ${placed.length}/${total} pods on ${nodeList(nodes)}${preempts ? `, after preempting ${plural(preempts, 'pod')}` : ''}`;
  else {
    // The member that found no node says why; the rest of a gang only waits for it (Permit).
    const unplaced = pods.filter((p) => p.outcome !== 'Scheduled' && p.message);
    const failed = unplaced.find((p) => p.message?.includes(' nodes are available')) ?? unplaced[0];
    const parts = [`does not fit now: ${placed.length}/${total} pods placed`];
    if (group && group.outcome !== 'Scheduled' && group.message) parts.push(`PodGroup ${unit.podGroup ?? ''}: ${group.message}`);
    if (failed) parts.push(`${failed.name}: ${failed.message ?? ''}`);
    message = parts.join('; ');
  }
  return {
    kind: unit.kind,
    namespace: unit.namespace,
    name: unit.name,
    file: unit.file,
    podGroup: unit.podGroup,
    fits,
    pods: total,
    scheduled: placed.length,
    nodes,
    preempts,
    message,
    notes: unit.notes,
  };
}

/** The top of the text report: one line per unit, its notes below. */
export function renderVerdicts(verdicts: readonly WhatIfVerdict[]): string {
  if (verdicts.length === 0)
    return 'What-if (-f): no Job, Deployment, StatefulSet, PodGroup or Pod to place; every pending pod is reported\n\n';
  const lines = ['What-if (-f):'];
  for (const v of verdicts) {
    const group = v.podGroup && v.kind !== 'PodGroup' ? `, PodGroup ${v.podGroup}` : '';
    lines.push(`  ${v.kind} ${v.namespace}/${v.name} (${plural(v.pods, 'pod')}${group}): ${v.message}`);
    for (const note of v.notes) lines.push(`    note: ${note}`);
  }
  return `${lines.join('\n')}\n\n`;
}
