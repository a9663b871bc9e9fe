// Which core/v1 Events a ClusterState keeps: the recent ones about Pods, PodGroups and Jobs, what
// `explain` shows beside its simulation. Live and snapshot states are filtered alike, so a snapshot
// explains the same as the cluster it was taken from.

import { splitApiVersion, type KubeObject } from '@kubectl-workload/api';
import type { KubeEvent } from './kinds.js';

/** The involved objects whose events explain reads. */
const EVENT_SUBJECTS: ReadonlySet<string> = new Set(['Pod', 'PodGroup', 'Job']);

/**
 * Events older than this before the newest one are dropped: kube-apiserver's default --event-ttl,
 * so a cluster keeping events longer does not bloat a snapshot with stale ones. Measured from the
 * newest event rather than the clock so that a snapshot reads the same later.
 */
export const EVENT_WINDOW_MS = 60 * 60 * 1000;

export function isCoreEvent(obj: KubeObject): obj is KubeEvent {
  const { group, version } = splitApiVersion(obj.apiVersion);
  return obj.kind === 'Event' && group === '' && version === 'v1';
}

/** When the event last happened: lastTimestamp, else eventTime (events.k8s.io writers), else creation. */
export function eventTime(e: KubeEvent): string | undefined {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? undefined;
}

function millis(e: KubeEvent): number {
  const t = Date.parse(eventTime(e) ?? '');
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The events explain needs, in their original order. Undated events are kept (nothing to judge by). */
export function recentSubjectEvents(events: readonly KubeEvent[]): KubeEvent[] {
  const about = events.filter((e) => EVENT_SUBJECTS.has(e.involvedObject?.kind ?? ''));
  const newest = Math.max(...about.map(millis));
  return about.filter((e) => {
    const t = millis(e);
    return t === Number.NEGATIVE_INFINITY || t >= newest - EVENT_WINDOW_MS;
  });
}
