// A one-paragraph answer to "would my gang run if it could evict lower-priority work, and whom
// would it evict?" from a simulation result, for `explain` and the simulate text output.

import type { SimulationResult } from '../simulation.js';
import { PREEMPTION_MESSAGE } from './messages.js';
import type { Victim } from './preemption.js';

export interface PreemptionSummary {
  /** Victims whose preemptor is the PodGroup, or one of its pods. */
  readonly victims: readonly Victim[];
  /** Distinct PodGroups (`namespace/name`) the victims belong to. */
  readonly victimGroups: readonly string[];
  /** Why preemption cannot help, from the PostFilter and workload-aware preemption statuses; empty when it helps. */
  readonly reasons: readonly string[];
  /** "would preempt N pods (...) in M groups", or why preemption cannot help. */
  readonly text: string;
}

const MAX_LISTED = 10;

function listed(victims: readonly Victim[]): string {
  const names = victims.slice(0, MAX_LISTED).map((v) => `${v.namespace}/${v.name} on ${v.node}`);
  if (victims.length > MAX_LISTED) names.push(`and ${victims.length - MAX_LISTED} more`);
  return names.join(', ');
}

/** The preemption part of a FitError (after "preemption: "), or a workload-aware reason appended to the group message. */
function reasonsIn(message: string): string[] {
  const out: string[] = [];
  const at = message.indexOf(PREEMPTION_MESSAGE.prefix);
  if (at >= 0) out.push(message.slice(at + PREEMPTION_MESSAGE.prefix.length));
  for (const wap of [PREEMPTION_MESSAGE.noVictimsForPreemptor, PREEMPTION_MESSAGE.constraintsUnsupported, PREEMPTION_MESSAGE.policyNever]) {
    if (at < 0 && message.endsWith(wap)) out.push(wap);
  }
  return out;
}

export function describePreemption(result: SimulationResult, namespace: string, name: string): PreemptionSummary {
  const key = `${namespace}/${name}`;
  const victims = result.victims.filter(
    (v) => v.preemptor === key || (v.preemptorGroup === name && v.preemptor.startsWith(`${namespace}/`)),
  );
  const victimGroups = [...new Set(victims.filter((v) => v.podGroup !== undefined).map((v) => `${v.namespace}/${v.podGroup ?? ''}`))];
  if (victims.length > 0) {
    const groups =
      victimGroups.length === 0
        ? ', none of them in a PodGroup'
        : ` in ${victimGroups.length} group${victimGroups.length === 1 ? '' : 's'}`;
    return {
      victims,
      victimGroups,
      reasons: [],
      text: `would preempt ${victims.length} pod${victims.length === 1 ? '' : 's'} (${listed(victims)})${groups}`,
    };
  }
  const group = result.podGroups.find((g) => g.namespace === namespace && g.name === name);
  const members = result.pods.filter((p) => p.namespace === namespace && p.podGroup === name);
  const reasons = [...new Set([group?.message ?? '', ...members.map((p) => p.message ?? '')].flatMap(reasonsIn))];
  let text: string;
  if (group?.outcome === 'Scheduled') text = 'fits without preemption';
  else if (group?.placements)
    text = `preemption cannot help: pod groups with a topology constraint do not preempt in 1.36${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`;
  else if (reasons.length > 0) text = `preemption cannot help: ${reasons.join('; ')}`;
  else text = 'preemption was not attempted (no member reached the PostFilter)';
  return { victims, victimGroups, reasons, text };
}
