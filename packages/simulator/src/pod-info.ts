// What the simulator needs from a pod, computed once: identity, queue keys, group membership,
// requests on the cluster's resource dimensions, host ports and parsed inter-pod terms.

import type { Container, LabelSelector, Pod, PodAffinityTerm, Toleration, TopologySpreadConstraint } from '@kubectl-workload/api';
import { DEFAULT_SCHEDULER_NAME } from './messages.js';
import { isBestEffort, podRequests, RequestsError, type PodRequests, type Requests } from './resources.js';
import type { Labels } from './selectors.js';
import type { SpreadSelectors } from './spread-defaults.js';
import { podClaims, type PodClaim } from './volume-cache.js';

export interface HostPort {
  readonly protocol: string;
  readonly port: number;
  readonly ip: string;
}

/** A pod (anti-)affinity term with its namespaces resolved; `namespaces` undefined means all. */
export interface AffinityTerm {
  /** Undefined (a term without labelSelector) matches no pod. */
  readonly selector: LabelSelector | undefined;
  readonly namespaces: ReadonlySet<string> | undefined;
  readonly topologyKey: string;
  readonly weight: number;
}

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: LabelSelector | undefined;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorTaints: boolean;
}

export interface PodInfo {
  readonly pod: Pod;
  readonly namespace: string;
  readonly name: string;
  /** `namespace/name`. */
  readonly key: string;
  readonly labels: Labels;
  readonly priority: number;
  readonly creationTimestamp: string;
  readonly schedulerName: string;
  readonly terminating: boolean;
  /** PodGroup `namespace/name` from spec.schedulingGroup.podGroupName. */
  readonly groupKey: string | undefined;
  readonly groupName: string | undefined;
  readonly requests: Requests;
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
  readonly bestEffort: boolean;
  readonly tolerations: readonly Toleration[];
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly AffinityTerm[];
  readonly preferredAntiAffinity: readonly AffinityTerm[];
  /** The pod's own topologySpreadConstraints, by whenUnsatisfiable. */
  readonly hardSpread: readonly SpreadConstraint[];
  readonly softSpread: readonly SpreadConstraint[];
  /** A pending pod without constraints of its own: the selector default spreading uses (spread-defaults.ts), if any. */
  readonly defaultSpreadSelector: LabelSelector | undefined;
  /** spec.resourceClaims is not empty (DynamicResources has work to do). */
  readonly hasClaims: boolean;
  /** Claim-backed volumes, in spec order (VolumeBinding, VolumeZone, NodeVolumeLimits). */
  readonly volumeClaims: readonly PodClaim[];
  /** Container images, init containers first (ImageLocality). */
  readonly images: readonly string[];
}

/** matchLabelKeys / mismatchLabelKeys fold the pod's own label values into the selector. */
function withLabelKeys(
  selector: LabelSelector | undefined,
  labels: Labels,
  match: string[] = [],
  mismatch: string[] = [],
): LabelSelector | undefined {
  if (!selector || (match.length === 0 && mismatch.length === 0)) return selector;
  const extra = [
    ...match.filter((k) => Object.hasOwn(labels, k)).map((key) => ({ key, operator: 'In', values: [labels[key] as string] })),
    ...mismatch.filter((k) => Object.hasOwn(labels, k)).map((key) => ({ key, operator: 'NotIn', values: [labels[key] as string] })),
  ];
  return { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...extra] };
}

function affinityTerm(term: PodAffinityTerm, weight: number, namespace: string, labels: Labels): AffinityTerm {
  const listed = term.namespaces ?? [];
  const nsSelector = term.namespaceSelector;
  const selectsAll =
    nsSelector !== undefined && Object.keys(nsSelector.matchLabels ?? {}).length === 0 && (nsSelector.matchExpressions ?? []).length === 0;
  // Namespace labels are not in a snapshot: a non-empty namespaceSelector adds no namespace.
  const namespaces = selectsAll ? undefined : new Set(listed.length > 0 || nsSelector ? listed : [namespace]);
  return {
    selector: withLabelKeys(term.labelSelector, labels, term.matchLabelKeys, term.mismatchLabelKeys),
    namespaces,
    topologyKey: term.topologyKey,
    weight,
  };
}

export function spreadConstraint(c: TopologySpreadConstraint, labels: Labels): SpreadConstraint {
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector: withLabelKeys(c.labelSelector, labels, c.matchLabelKeys),
    minDomains: c.minDomains ?? 1,
    honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  };
}

// A large cluster's pods are mostly plain: they share one empty list for each kind of term they lack
// instead of allocating their own (150k bound pods: ~10 arrays each).
const NONE: readonly never[] = [];

function mapped<T, U>(list: readonly T[] | undefined, f: (item: T) => U): readonly U[] {
  return list?.length ? list.map(f) : NONE;
}

/** Init containers first, then containers. */
function containersOf(pod: Pod): readonly Container[] {
  const init = pod.spec?.initContainers;
  const main = pod.spec?.containers ?? NONE;
  return init?.length ? [...init, ...main] : main;
}

function hostPorts(containers: readonly Container[]): readonly HostPort[] {
  let out: HostPort[] | undefined;
  for (const c of containers) {
    for (const p of c.ports ?? NONE) {
      if (p.hostPort && p.hostPort > 0) (out ??= []).push({ protocol: p.protocol ?? 'TCP', port: p.hostPort, ip: p.hostIP || '0.0.0.0' });
    }
  }
  return out ?? NONE;
}

function spreadsWhen(spreads: readonly TopologySpreadConstraint[], when: string, labels: Labels): readonly SpreadConstraint[] {
  return spreads.length
    ? mapped(
        spreads.filter((c) => c.whenUnsatisfiable === when),
        (c) => spreadConstraint(c, labels),
      )
    : NONE;
}

function requestsOf(pod: Pod, key: string): PodRequests {
  try {
    return podRequests(pod);
  } catch (err) {
    if (err instanceof RequestsError) throw new RequestsError(`Pod ${key}: ${err.message}`, { cause: err });
    throw err;
  }
}

/**
 * `priorities` maps PriorityClass names to values; spec.priority wins when the admission plugin already set it.
 * `grouped` false (GenericWorkload off) drops the pod's group: the scheduler does not read spec.schedulingGroup.
 * `spreadSelectors` deduce the default spreading selector of a pending pod without constraints of its own.
 */
export function podInfo(
  pod: Pod,
  priorities: ReadonlyMap<string, number>,
  defaultPriority: number,
  grouped = true,
  spreadSelectors?: SpreadSelectors,
): PodInfo {
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const namespace = meta.namespace || 'default';
  const name = meta.name ?? '';
  const labels = meta.labels ?? {};
  const key = `${namespace}/${name}`;
  const { requests, nonZeroMilliCpu, nonZeroMemory } = requestsOf(pod, key);
  const affinity = spec.affinity;
  const term = (t: PodAffinityTerm, w = 0): AffinityTerm => affinityTerm(t, w, namespace, labels);
  const groupName = (grouped && spec.schedulingGroup?.podGroupName) || undefined;
  const tolerations = spec.tolerations ?? NONE;
  const containers = containersOf(pod);
  const images = containers.map((c) => c.image ?? '');
  const spreads = spec.topologySpreadConstraints ?? NONE;
  const volumeClaims = podClaims(pod);
  // Only a pod still to be scheduled is spread: bound pods skip the Service/controller lookups.
  const defaultSpreadSelector = spreads.length || spec.nodeName ? undefined : spreadSelectors?.selectorFor(pod);
  return {
    pod,
    namespace,
    name,
    key,
    labels,
    priority: spec.priority ?? (spec.priorityClassName ? priorities.get(spec.priorityClassName) : undefined) ?? defaultPriority,
    creationTimestamp: meta.creationTimestamp ?? '',
    schedulerName: spec.schedulerName || DEFAULT_SCHEDULER_NAME,
    terminating: Boolean(meta.deletionTimestamp),
    groupKey: groupName ? `${namespace}/${groupName}` : undefined,
    groupName,
    requests,
    nonZeroMilliCpu,
    nonZeroMemory,
    bestEffort: isBestEffort(requests),
    tolerations,
    hostPorts: hostPorts(containers),
    requiredAffinity: mapped(affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, (t) => term(t)),
    requiredAntiAffinity: mapped(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, (t) => term(t)),
    preferredAffinity: mapped(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, (w) =>
      term(w.podAffinityTerm, w.weight),
    ),
    preferredAntiAffinity: mapped(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, (w) =>
      term(w.podAffinityTerm, w.weight),
    ),
    hardSpread: spreadsWhen(spreads, 'DoNotSchedule', labels),
    softSpread: spreadsWhen(spreads, 'ScheduleAnyway', labels),
    defaultSpreadSelector,
    volumeClaims,
    images,
    hasClaims: (spec.resourceClaims?.length ?? 0) > 0,
  };
}

// The two keys serialise a pod's spec: only pending pods need them, so they are computed on first
// use and a snapshot's bound pods (most of a large cluster) never pay for them.
const staticKeys = new WeakMap<PodInfo, string>();
const signatures = new WeakMap<PodInfo, string>();

/** Pods with equal keys get identical NodeUnschedulable/NodeName/TaintToleration/NodeAffinity/ImageLocality results. */
export function staticKeyOf(p: PodInfo): string {
  let key = staticKeys.get(p);
  if (key === undefined) {
    const spec = p.pod.spec ?? {};
    key = JSON.stringify([spec.nodeName ?? '', spec.nodeSelector ?? {}, spec.affinity?.nodeAffinity ?? {}, p.tolerations, p.images]);
    staticKeys.set(p, key);
  }
  return key;
}

/** Pods with equal keys are interchangeable for filtering and scoring (used by the §7 diagnosis). */
export function signatureOf(p: PodInfo): string {
  let key = signatures.get(p);
  if (key === undefined) {
    const spec = p.pod.spec ?? {};
    key = JSON.stringify([
      staticKeyOf(p),
      [...p.requests],
      p.nonZeroMilliCpu,
      p.nonZeroMemory,
      p.hostPorts,
      spec.affinity?.podAffinity ?? null,
      spec.affinity?.podAntiAffinity ?? null,
      spec.topologySpreadConstraints ?? [],
      p.defaultSpreadSelector ?? null,
      // Claims are per namespace, and pods naming different claims see different devices: a claim the
      // controller already generated (status.resourceClaimStatuses) or a PodGroup's shared claim is
      // the pod's own, so those are part of the signature.
      (spec.resourceClaims ?? []).length > 0
        ? [p.namespace, spec.resourceClaims, p.pod.status?.resourceClaimStatuses ?? null, p.groupName ?? null]
        : null,
      p.volumeClaims,
    ]);
    signatures.set(p, key);
  }
  return key;
}

export function hasInterPodConstraints(p: PodInfo): boolean {
  return (
    p.requiredAffinity.length +
      p.requiredAntiAffinity.length +
      p.preferredAffinity.length +
      p.preferredAntiAffinity.length +
      p.hardSpread.length +
      p.softSpread.length >
      0 || p.defaultSpreadSelector !== undefined
  );
}
