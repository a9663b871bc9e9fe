// Default topology spreading (upstream podtopologyspread buildDefaultConstraints): a pod without
// topologySpreadConstraints of its own gets the profile's default constraints (PodTopologySpreadArgs
// defaultingType System: the two system defaults; List: defaultConstraints), each selecting by what
// helper.DefaultSelector deduces from the Services matching the pod and the ReplicationController,
// ReplicaSet or StatefulSet controlling it. An empty selector means no defaults.

import {
  controllerRefOf,
  splitApiVersion,
  type LabelSelector,
  type LabelSelectorRequirement,
  type Pod,
  type ReplicaSet,
  type ReplicationController,
  type Service,
  type StatefulSet,
  type TopologySpreadConstraint,
} from '@kubectl-workload/api';
import { labelSelectorMatches } from './selectors.js';

export interface SpreadDefaults {
  /** defaultingType System: nodes missing a default's topology key are still scored by the others. */
  readonly systemDefaulted: boolean;
  readonly constraints: readonly TopologySpreadConstraint[];
}

/** Upstream systemDefaultConstraints: hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway. */
export const SYSTEM_SPREAD_DEFAULTS: SpreadDefaults = {
  systemDefaulted: true,
  constraints: [
    { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
    { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
  ],
};

/** The objects DefaultSelector reads (absent: none). */
export interface SpreadSelectorSources {
  readonly services?: readonly Service[];
  readonly replicationControllers?: readonly ReplicationController[];
  readonly replicaSets?: readonly ReplicaSet[];
  readonly statefulSets?: readonly StatefulSet[];
}

const key = (namespace: string | undefined, name: string | undefined): string => `${namespace || 'default'}/${name ?? ''}`;

function byKey<T extends { metadata?: { namespace?: string; name?: string } }>(objects: readonly T[] = []): Map<string, T> {
  return new Map(objects.map((o) => [key(o.metadata?.namespace, o.metadata?.name), o]));
}

/** metav1.LabelSelectorAsSelector's requirements: matchLabels as `In [v]`, then matchExpressions. */
function requirementsOf(selector: LabelSelector | undefined): LabelSelectorRequirement[] {
  if (!selector) return [];
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]) => ({ key: k, operator: 'In', values: [v] })),
    ...(selector.matchExpressions ?? []),
  ];
}

export class SpreadSelectors {
  private readonly services = new Map<string, Service[]>();
  private readonly replicationControllers: Map<string, ReplicationController>;
  private readonly replicaSets: Map<string, ReplicaSet>;
  private readonly statefulSets: Map<string, StatefulSet>;

  constructor(sources: SpreadSelectorSources) {
    for (const s of sources.services ?? []) {
      const ns = s.metadata?.namespace || 'default';
      this.services.set(ns, [...(this.services.get(ns) ?? []), s]);
    }
    this.replicationControllers = byKey(sources.replicationControllers);
    this.replicaSets = byKey(sources.replicaSets);
    this.statefulSets = byKey(sources.statefulSets);
  }

  /** helper.DefaultSelector for `pod`, or undefined when it is empty (the pod then gets no defaults). */
  selectorFor(pod: Pod): LabelSelector | undefined {
    const namespace = pod.metadata?.namespace || 'default';
    const labels = pod.metadata?.labels ?? {};
    let set: Record<string, string> = {};
    for (const s of this.services.get(namespace) ?? []) {
      // A Service without a selector selects nothing, not everything.
      const selector = s.spec?.selector;
      if (selector && labelSelectorMatches({ matchLabels: selector }, labels)) set = { ...set, ...selector };
    }
    let extra: LabelSelectorRequirement[] = [];
    const owner = controllerRefOf(pod);
    const group = owner ? splitApiVersion(owner.apiVersion) : undefined;
    const at = key(namespace, owner?.name);
    if (owner?.kind === 'ReplicationController' && group?.group === '' && group.version === 'v1') {
      const rc = this.replicationControllers.get(at);
      if (rc) set = { ...set, ...rc.spec?.selector };
    } else if (owner?.kind === 'ReplicaSet' && group?.group === 'apps' && group.version === 'v1') {
      extra = requirementsOf(this.replicaSets.get(at)?.spec?.selector);
    } else if (owner?.kind === 'StatefulSet' && group?.group === 'apps' && group.version === 'v1') {
      extra = requirementsOf(this.statefulSets.get(at)?.spec?.selector);
    }
    const matchExpressions = [...Object.entries(set).map(([k, v]) => ({ key: k, operator: 'In', values: [v] })), ...extra];
    return matchExpressions.length ? { matchExpressions } : undefined;
  }
}
