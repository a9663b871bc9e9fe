// Events for explain's live view, from the loaded state: a live cluster's events, or those a
// snapshot captured (`kubectl workload snapshot` keeps the recent ones about Pods, PodGroups and
// Jobs). Events only add context, so a cluster that refused to list them gives a warning, not an error.

import { namespaceOf } from '@kubectl-workload/api';
import type { ClusterState, KubeEvent } from '@kubectl-workload/cluster';

export interface LoadedEvents {
  readonly events: KubeEvent[];
  readonly warning: string | null;
}

export function eventsOf(state: ClusterState, namespace: string): LoadedEvents {
  return {
    events: state.events.filter((e) => namespaceOf(e) === namespace),
    warning: state.eventsError === undefined ? null : `cannot read events, showing none: ${state.eventsError}`,
  };
}
