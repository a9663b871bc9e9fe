// What the cluster says beside what the simulation predicts: the live PodGroupScheduled condition
// (PodGroupInitiallyScheduled on 1.37) and recent scheduler events for the group and its pods, and whether they agree.

import { nameOf, scheduledConditionOf, scheduledConditionType, type Pod, type PodGroup } from '@kubectl-workload/api';
import { eventTime, type KubeEvent } from '@kubectl-workload/cluster';
import type { GroupOutcome } from '@kubectl-workload/simulator';
import type { PlacementAnalysis } from './placement/analysis.js';

/** Events shown, most recent first. */
const MAX_EVENTS = 10;

export interface LiveEvent {
  /** `Pod/llm-train-worker-0`, `PodGroup/llm-train-workers`. */
  readonly object: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  readonly lastTimestamp: string | null;
}

/** Something the cluster reported that says the gang is not running, while the simulation places it. */
export interface LiveContradiction {
  /** `PodGroupScheduled=False/Unschedulable: …` or `Warning FailedScheduling on Pod/x: …`. */
  readonly observed: string;
  /** When it was last observed (the condition's transition, the event's last time). */
  readonly at: string | null;
}

export interface LiveComparison {
  /** `PodGroupScheduled` (1.36) or `PodGroupInitiallyScheduled` (1.37, PG-41): the condition read. */
  readonly conditionType: string;
  readonly condition: {
    readonly status: string;
    readonly reason: string;
    readonly message: string;
    readonly lastTransitionTime: string | null;
  } | null;
  readonly events: readonly LiveEvent[];
  /** null when the scheduler has not written a condition yet and no event speaks against the simulation. */
  readonly agrees: boolean | null;
  readonly note: string;
  /** Set when the simulation places the gang and live state says it is not placed. */
  readonly contradiction: LiveContradiction | null;
}

const OUTCOME_OF_REASON: Record<string, GroupOutcome> = { Scheduled: 'Scheduled', Unschedulable: 'Unschedulable', SchedulerError: 'Error' };

function relevantEvents(group: PodGroup, pods: readonly Pod[], events: readonly KubeEvent[]): LiveEvent[] {
  const podNames = new Set(pods.map((p) => nameOf(p)));
  const namespace = group.metadata?.namespace || 'default';
  return events
    .filter((e) => {
      const o = e.involvedObject;
      if ((o?.namespace || 'default') !== namespace) return false;
      return (o?.kind === 'PodGroup' && o.name === nameOf(group)) || (o?.kind === 'Pod' && podNames.has(o.name ?? ''));
    })
    .map((e) => ({
      object: `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`,
      type: e.type ?? '',
      reason: e.reason ?? '',
      message: e.message ?? '',
      count: e.count ?? 1,
      lastTimestamp: eventTime(e) ?? null,
    }))
    .sort((a, b) => (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? '') || a.object.localeCompare(b.object))
    .slice(0, MAX_EVENTS);
}

function disagreement(live: GroupOutcome, predicted: GroupOutcome): string {
  if (predicted === 'Scheduled') {
    return 'the simulation places the gang now, the scheduler did not: the cluster changed since its last cycle (it retries after backoff), or something the simulator does not model blocks it (preemption, DRA claims, CSI storage capacity, other plugins)';
  }
  if (live === 'Scheduled') {
    return 'the scheduler placed the gang, the simulation would not now: capacity was taken since, or pods were recreated (the condition never goes back from True)';
  }
  return `the scheduler reported ${live}, the simulation predicts ${predicted}`;
}

/** The newest Warning event about the group or a pod still waiting for a node: the scheduler's latest word against it. */
function latestWarning(events: readonly LiveEvent[], pending: ReadonlySet<string>, group: string): LiveEvent | undefined {
  return events.find((e) => e.type === 'Warning' && (e.object === `PodGroup/${group}` || pending.has(e.object)));
}

function describeEvent(e: LiveEvent): string {
  return `${e.type} ${e.reason} on ${e.object}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`;
}

export function compareLive(
  group: PodGroup,
  pods: readonly Pod[],
  events: readonly KubeEvent[],
  analysis: PlacementAnalysis,
): LiveComparison {
  const conditionType = scheduledConditionType(group);
  const condition = scheduledConditionOf(group);
  const shown = condition
    ? {
        status: condition.status ?? '',
        reason: condition.reason ?? '',
        message: condition.message ?? '',
        lastTransitionTime: condition.lastTransitionTime ?? null,
      }
    : null;
  const recent = relevantEvents(group, pods, events);
  const pending = new Set(pods.filter((p) => !p.spec?.nodeName).map((p) => `Pod/${nameOf(p)}`));
  const warning = pending.size > 0 && analysis.outcome === 'Scheduled' ? latestWarning(recent, pending, nameOf(group)) : undefined;
  if (!shown) {
    if (warning) {
      return {
        conditionType,
        condition: null,
        events: recent,
        agrees: false,
        note: `no ${conditionType} condition yet, but the cluster reported ${warning.reason} for ${warning.object}; the simulation predicts ${analysis.outcome}`,
        contradiction: { observed: describeEvent(warning), at: warning.lastTimestamp },
      };
    }
    return {
      conditionType,
      condition: null,
      events: recent,
      agrees: null,
      note: `no ${conditionType} condition yet: the scheduler has not run a cycle for this group; the simulation predicts ${analysis.outcome}`,
      contradiction: null,
    };
  }
  const live = OUTCOME_OF_REASON[shown.reason] ?? (shown.status === 'True' ? 'Scheduled' : 'Unschedulable');
  const agrees = live === analysis.outcome;
  const note = agrees ? `the simulation agrees with the scheduler: ${analysis.outcome}` : disagreement(live, analysis.outcome);
  if (live !== 'Scheduled' && analysis.outcome === 'Scheduled' && pending.size > 0) {
    const observed = `${conditionType}=${shown.status}/${shown.reason}${shown.message ? `: ${shown.message}` : ''}`;
    return { conditionType, condition: shown, events: recent, agrees, note, contradiction: { observed, at: shown.lastTransitionTime } };
  }
  return { conditionType, condition: shown, events: recent, agrees, note, contradiction: null };
}
