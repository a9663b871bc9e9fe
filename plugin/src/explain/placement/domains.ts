// Topology domains for a gang with a topology constraint (scheduler.md §3): per value of the key,
// its nodes, their free resources and how many of the group's pods fit there. The fit comes from the
// simulated cycle's own placement evaluations when it evaluated every domain; otherwise (members
// already pin a domain) from running the simulator on each domain alone with the group relaxed to
// basic (every pod that fits binds).

import { namespaceOf, nameOf, type Node, type Pod, type PodGroup } from '@kubectl-workload/api';
import {
  Simulation,
  podRequests,
  topologyDomains,
  type PlacementDomain,
  type PodResult,
  type SimulationInput,
} from '@kubectl-workload/simulator';
import type { Profiles } from './profiles.js';
import { formatAmount, formatRequests } from './units.js';

export interface DomainRow {
  readonly domain: string;
  readonly nodes: number;
  /** Free (allocatable minus requested) cpu, memory and each extended resource the pods request. */
  readonly free: Readonly<Record<string, string>>;
  readonly podsFit: number;
  readonly podsNeeded: number;
  /** Why the first pod that did not fit there failed (its FitError inside the domain). */
  readonly blocking: string | null;
}

export interface TopologyAnalysis {
  readonly key: string;
  readonly domains: readonly DomainRow[];
}

interface Fit {
  readonly count: number;
  /** Members that did not fit, with their per-node filter traces. */
  readonly failed: readonly PodResult[];
}

/** The group as basic with no constraint: a cycle then binds every member that fits. */
function relaxed(group: PodGroup): PodGroup {
  const { schedulingConstraints: _dropped, ...spec } = group.spec ?? {};
  return { ...group, spec: { ...spec, schedulingPolicy: { basic: {} } } };
}

/** How many members are (or would be) on `nodes`: bound there already, plus those a relaxed cycle places. */
function podsThatFit(input: SimulationInput, group: PodGroup, members: readonly Pod[], nodes: readonly Node[], profiles: Profiles): Fit {
  const names = new Set(nodes.map((n) => nameOf(n)));
  const alreadyThere = boundThere(members, nodes);
  // The simulator ignores pods bound outside `nodes`, and runs only this group: keep just what it reads.
  const pods = input.pods.filter((p) => (p.spec?.nodeName ? names.has(p.spec.nodeName) : members.includes(p)));
  const others = input.podGroups.filter((g) => g !== group);
  const simulation = new Simulation(
    { ...input, nodes, pods, podGroups: [...others, relaxed(group)] },
    { diagnose: false, trace: true, ...profiles.simulation },
  );
  const result = simulation.runPodGroup(namespaceOf(group), nameOf(group));
  const mine = result.pods.filter((p) => p.podGroup === nameOf(group) && p.namespace === namespaceOf(group));
  return {
    count: alreadyThere + mine.filter((p) => p.outcome === 'Scheduled').length,
    failed: mine.filter((p) => p.outcome !== 'Scheduled'),
  };
}

function podsNeeded(group: PodGroup, members: readonly Pod[]): number {
  return group.spec?.schedulingPolicy?.gang?.minCount ?? members.length;
}

/** What one pending member asks for (members of a gang are usually alike). */
function typicalRequests(members: readonly Pod[]): ReadonlyMap<string, number> {
  const pending = members.find((p) => !p.spec?.nodeName) ?? members[0];
  return pending ? podRequests(pending).requests : new Map();
}

/** `rack` for `topology.kubernetes.io/rack`: how hints name a domain. */
function domainWord(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1) || key;
}

export interface TopologyResult extends TopologyAnalysis {
  readonly hint: string | null;
  /** Members that fit in no domain, per domain run: their traces give the node reasons. */
  readonly failed: readonly PodResult[];
}

/** Members bound to one of `nodes` before the cycle. */
function boundThere(members: readonly Pod[], nodes: readonly Node[]): number {
  const names = new Set(nodes.map((n) => nameOf(n)));
  return members.filter((p) => p.spec?.nodeName && names.has(p.spec.nodeName)).length;
}

/**
 * `evaluated`: the placements the group's simulated cycle evaluated. When they cover every domain,
 * each row's fit and blocking message come from them, and the members that fit nowhere are left to
 * the caller (it saw their FitErrors during the cycle).
 */
export function topologyAnalysis(
  input: SimulationInput,
  group: PodGroup,
  members: readonly Pod[],
  profiles: Profiles,
  evaluated: readonly PlacementDomain[] = [],
): TopologyResult | null {
  const key = group.spec?.schedulingConstraints?.topology?.[0]?.key;
  if (!key) return null;
  const requests = typicalRequests(members);
  const shown = ['cpu', 'memory', ...[...requests.keys()].filter((r) => r !== 'cpu' && r !== 'memory' && r !== 'pods')];
  const needed = podsNeeded(group, members);
  const { cluster } = new Simulation(input, { diagnose: false });
  const byName = new Map(input.nodes.map((n) => [nameOf(n), n]));
  const failed: PodResult[] = [];
  const all = topologyDomains(cluster, key);
  const fromCycle = evaluated.length === all.length ? new Map(evaluated.map((d) => [d.name, d])) : undefined;
  const domains = all.map((domain): DomainRow => {
    const nodes = Array.from(domain.nodes, (i) => byName.get(cluster.nodes[i]?.name ?? '') as Node);
    const free = Object.fromEntries(
      shown.map((resource) => [resource, formatAmount(resource, cluster.freeCapacity(domain.nodes, resource))]),
    );
    const row = { domain: domain.name, nodes: nodes.length, free, podsNeeded: needed };
    const inCycle = fromCycle?.get(domain.name);
    if (inCycle) return { ...row, podsFit: boundThere(members, nodes) + inCycle.placed, blocking: inCycle.blocking ?? null };
    const fit = podsThatFit(input, group, members, nodes, profiles);
    failed.push(...fit.failed);
    return { ...row, podsFit: fit.count, blocking: fit.failed[0]?.message ?? null };
  });
  const word = domainWord(key);
  if (domains.length === 0) return { key, domains, failed, hint: `no node has the label ${key}: label the nodes of each ${word} with it` };
  const best = domains.reduce((a, b) => (b.podsFit > a.podsFit ? b : a));
  const missing = needed - best.podsFit;
  const hint =
    missing <= 0
      ? null
      : `largest ${word} ${best.domain} fits ${best.podsFit} of ${needed} pods; ${missing} more ${missing === 1 ? 'node' : 'nodes'} in ${best.domain} with ${formatRequests(requests)} free each would do`;
  return { key, domains, failed, hint };
}

/** For a group without a topology constraint: how many pods the whole cluster fits, and what is missing. */
export function wholeClusterHint(input: SimulationInput, group: PodGroup, members: readonly Pod[], profiles: Profiles): string | null {
  const needed = podsNeeded(group, members);
  const fit = podsThatFit(input, group, members, input.nodes, profiles).count;
  const missing = needed - fit;
  if (missing <= 0) return null;
  return `the cluster fits ${fit} of ${needed} pods; ${missing} more ${missing === 1 ? 'node' : 'nodes'} with ${formatRequests(typicalRequests(members))} free each would do`;
}
