// A simulation over one snapshot: the 1.36 queue order, PreEnqueue gating, pod cycles and PodGroup
// cycles (spec §1–§3), and "run to quiescence". Bindings are applied to the in-memory cluster only.

import { allGatesOn, isTerminal, type FeatureGates, type KubeVersion, type PodGroup } from '@kubectl-workload/api';
import { SchedulerCache } from './cluster.js';
import { currentCondition, nextCondition, type PodGroupCondition } from './condition.js';
import type { GroupAlgorithmOptions, GroupAlgorithmResult, GroupContext, GroupPolicy } from './default-algorithm.js';
import { runGroupAlgorithm } from './group-algorithm.js';
import type { SimulationInput } from './input.js';
import { SpreadSelectors } from './spread-defaults.js';
import { DEFAULT_SCHEDULER_NAME, GROUP_MESSAGE, wrapGroupUnschedulable } from './messages.js';
import { diagnoseGreedyOrder } from './order-diagnosis.js';
import { staticFilters, StaticResultsCache } from './static-results.js';
import { defaultProfile, type SchedulerProfile } from './profile.js';
import { podInfo, type PodInfo } from './pod-info.js';
import type { PlacementReport } from './placements.js';
import { Preemption, type PreemptionOptions, type PreemptionOutcome, type Victim } from './preemption/preemption.js';
import { DraState } from './plugins/dynamic-resources.js';
import * as gangScheduling from './plugins/gang-scheduling.js';
import * as prioritySort from './plugins/priority-sort.js';
import * as schedulingGates from './plugins/scheduling-gates.js';
import { PodScheduler, type PodTrace, type Tie } from './schedule-pod.js';
import { RootCycle, type CompositePodGroupResult, type LeafRecord } from './v137/root-cycle.js';
import { VolumeCache } from './volume-cache.js';

/** Preempted: a pod this run bound, then evicted as a preemption victim. */
export type PodOutcome = 'Scheduled' | 'Unschedulable' | 'Gated' | 'Preempted';
export type GroupOutcome = 'Scheduled' | 'Unschedulable' | 'Error' | 'Gated';

export interface PodResult {
  readonly namespace: string;
  readonly name: string;
  readonly podGroup: string | undefined;
  readonly outcome: PodOutcome;
  readonly node: string | undefined;
  readonly message: string | undefined;
  readonly tie: Tie | undefined;
  readonly trace: PodTrace | undefined;
  /** Set while the pod waits for its preemption victims to leave (status.nominatedNodeName). */
  readonly nominatedNode?: string;
  /** The spec.schedulingGates holding a Gated pod at SchedulingGates PreEnqueue (PodScheduled=False/SchedulingGated). */
  readonly schedulingGates?: readonly string[];
}

export interface PodGroupResult {
  readonly namespace: string;
  readonly name: string;
  readonly policy: 'gang' | 'basic' | 'unknown';
  readonly minCount: number | undefined;
  /** Scheduled if any cycle of this run succeeded, else the last cycle's outcome. */
  readonly outcome: GroupOutcome;
  readonly message: string;
  /** The PodGroupScheduled condition after the run; undefined when no cycle ran. */
  readonly condition: PodGroupCondition | undefined;
  readonly placements: PlacementReport | undefined;
  /** How a random upstream tie was broken, if one occurred in the group's last cycle. */
  readonly tieBroken: string | undefined;
  /** §7 notes: order-dependence and the result of trying another member order. */
  readonly notes: readonly string[];
  readonly cycles: number;
  /** 1.37: the parent CompositePodGroup's name. */
  readonly parent?: string;
}

export interface SimulationResult {
  readonly podGroups: readonly PodGroupResult[];
  /** 1.37 only: the CompositePodGroups of the hierarchies that had a cycle. */
  readonly compositePodGroups: readonly CompositePodGroupResult[];
  readonly pods: readonly PodResult[];
  /** Pod key → node name, for every pod bound by this run. */
  readonly bindings: ReadonlyMap<string, string>;
  /** Pods evicted by preemption in this run, in eviction order (empty without SimulationOptions.preemption). */
  readonly victims: readonly Victim[];
}

export interface SimulationOptions extends GroupAlgorithmOptions {
  /** Scheduler profiles; pods naming another scheduler are not handled (default: default-scheduler). */
  readonly schedulerNames?: readonly string[];
  /** Scheduler profiles from a KubeSchedulerConfiguration; when set, schedulerNames is not read. */
  readonly profiles?: readonly SchedulerProfile[];
  /** Timestamp for condition transitions (default: now). */
  readonly now?: string;
  /** Model DefaultPreemption, and workload-aware preemption when its gate is on (spec §4); off when undefined. */
  readonly preemption?: PreemptionOptions;
  /** Try other member orders when a heterogeneous or inter-pod group fails (§7; default true). */
  readonly diagnose?: boolean;
  /** The kube-scheduler version modelled (default 1.36): 1.37 runs group hierarchies through the 1.37 cycle (v137/). */
  readonly kubeVersion?: KubeVersion;
  /** The kube-scheduler's workload-scheduling feature gates (default: all gates of kubeVersion on). */
  readonly gates?: FeatureGates;
}

/** The policy the PodGroup's spec asks for. */
function specPolicy(group: PodGroup): GroupPolicy {
  const policy = group.spec?.schedulingPolicy;
  return {
    minCount: policy?.gang ? (policy.gang.minCount ?? 1) : undefined,
    topologyKey: group.spec?.schedulingConstraints?.topology?.[0]?.key || undefined,
  };
}

/**
 * The policy the scheduler applies: without GangScheduling no plugin holds or admits a gang, so its
 * members bind one by one as they fit (basic); without TopologyAwareWorkloadScheduling the topology
 * constraint is ignored.
 */
function effectivePolicy(group: PodGroup, gates: FeatureGates): GroupPolicy {
  const policy = specPolicy(group);
  return {
    minCount: gates.GangScheduling ? policy.minCount : undefined,
    topologyKey: gates.TopologyAwareWorkloadScheduling ? policy.topologyKey : undefined,
  };
}

/** A group's tieBroken names at most this many members' node ties (each pod carries its own). */
const MAX_MEMBER_TIES = 5;

export function nodeTieNote(tie: Tie, chosen: string): string {
  return `${tie.count} nodes tied at score ${tie.score}; chose ${chosen} (first by name), kube-scheduler picks one at random`;
}

/** Above this many tied placements the note counts them and names the first few (a rack key can tie hundreds). */
const MAX_TIED_NAMES = 5;

export function placementTieNote(tie: readonly string[], chosen: string): string {
  const tied =
    tie.length > MAX_TIED_NAMES ? `${tie.length} placements tied (${tie.slice(0, 3).join(', ')}, …)` : `placements ${tie.join(', ')} tied`;
  return `${tied}; chose ${chosen} (first by name), kube-scheduler picks one at random`;
}

export class Simulation {
  readonly cluster: SchedulerCache;
  readonly scheduler: PodScheduler;
  private readonly pending: PodInfo[];
  /** Pending pods per group key, in queue order. */
  private readonly pendingByGroup = new Map<string, PodInfo[]>();
  private readonly groups = new Map<string, PodGroup>();
  /** Every non-terminal pod per group key (pending + bound): what PreEnqueue counts. */
  private readonly knownMembers = new Map<string, number>();
  private readonly podResults = new Map<string, PodResult>();
  private readonly groupResults = new Map<string, PodGroupResult>();
  private readonly conditions = new Map<string, PodGroupCondition>();
  private readonly bindings = new Map<string, string>();
  readonly preemption: Preemption | undefined;
  /** Preemption victims: deleted, never scheduled again by this run. */
  private readonly evicted = new Set<string>();
  /** Bindings + evictions: a pass that changes neither ends the run. */
  private progress = 0;
  /** One scheduler per profile, by schedulerName. */
  private readonly profiles: ReadonlyMap<string, PodScheduler>;
  private readonly now: string;
  private readonly gates: FeatureGates;
  /** Kubernetes 1.37: group cycles run per root unit (v137/). */
  private readonly rootCycle: RootCycle | undefined;

  constructor(
    input: SimulationInput,
    private readonly options: SimulationOptions = {},
  ) {
    this.gates = options.gates ?? allGatesOn(options.kubeVersion);
    this.now = options.now ?? new Date().toISOString();
    const priorities = new Map<string, number>();
    let defaultPriority = 0;
    for (const pc of input.priorityClasses) {
      priorities.set(pc.metadata?.name ?? '', pc.value ?? 0);
      if (pc.globalDefault) defaultPriority = pc.value ?? 0;
    }
    // Without GenericWorkload the scheduler does not read spec.schedulingGroup: every pod is on its own.
    const grouped = this.gates.GenericWorkload;
    const selectors = new SpreadSelectors(input);
    const pods = input.pods.filter((p) => !isTerminal(p)).map((p) => podInfo(p, priorities, defaultPriority, grouped, selectors));
    const dimensions = new Set<string>();
    for (const p of pods) for (const name of p.requests.keys()) dimensions.add(name);
    const volumes = new VolumeCache(input.persistentVolumeClaims, input.persistentVolumes, input.storageClasses, input.csiNodes);
    this.cluster = new SchedulerCache(input.nodes, dimensions, volumes);
    const profiles = options.profiles ?? (options.schedulerNames ?? [DEFAULT_SCHEDULER_NAME]).map((name) => defaultProfile(name));
    this.profiles = new Map(
      profiles.map((p) => [
        p.schedulerName,
        new PodScheduler(this.cluster, new StaticResultsCache(this.cluster, staticFilters(p.filters)), p),
      ]),
    );
    // The explain helpers use the first profile.
    this.scheduler = this.profiles.values().next().value as PodScheduler;
    for (const g of input.podGroups) this.groups.set(`${g.metadata?.namespace || 'default'}/${g.metadata?.name ?? ''}`, g);
    this.pending = [];
    for (const p of pods) {
      if (p.groupKey) this.knownMembers.set(p.groupKey, (this.knownMembers.get(p.groupKey) ?? 0) + 1);
      const nodeName = p.pod.spec?.nodeName;
      if (!nodeName) {
        this.pending.push(p);
        continue;
      }
      const node = this.cluster.nodeIndex.get(nodeName);
      if (node !== undefined) this.cluster.add(p, node, this.cluster.requestVector(p));
    }
    // After the bound pods: their claims are allocated in the snapshot already.
    this.cluster.dra = new DraState(
      {
        resourceClaims: input.resourceClaims ?? [],
        resourceClaimTemplates: input.resourceClaimTemplates ?? [],
        deviceClasses: input.deviceClasses ?? [],
        resourceSlices: input.resourceSlices ?? [],
      },
      this.groups,
      this.gates.DRAWorkloadResourceClaims,
    );
    this.pending.sort(prioritySort.less);
    for (const p of this.pending) {
      if (!p.groupKey) continue;
      const members = this.pendingByGroup.get(p.groupKey);
      if (members) members.push(p);
      else this.pendingByGroup.set(p.groupKey, [p]);
    }
    const preemption = options.preemption && {
      ...options.preemption,
      workloadAware: options.preemption.workloadAware === true && this.gates.WorkloadAwarePreemption,
    };
    this.preemption = preemption
      ? new Preemption(this.cluster, (pod) => this.schedulerFor(pod), input.priorityClasses, this.groups, this.pending, preemption)
      : undefined;
    this.rootCycle =
      options.kubeVersion === '1.37'
        ? new RootCycle(this.rootCycleHost(), input.podGroups, input.compositePodGroups, input.priorityClasses, this.gates)
        : undefined;
  }

  private rootCycleHost(): ConstructorParameters<typeof RootCycle>[0] {
    return {
      cluster: this.cluster,
      now: this.now,
      options: this.options,
      scheduler: (name) => this.profiles.get(name),
      // Pods held by scheduling gates never leave PreEnqueue (reported Gated by heldByGates).
      pendingMembers: (key) =>
        (this.pendingByGroup.get(key) ?? []).filter(
          (p) =>
            !this.bindings.has(p.key) &&
            !this.evicted.has(p.key) &&
            !p.terminating &&
            !(this.profiles.has(p.schedulerName) && this.heldByGates(p)),
        ),
      podsPresent: (key) => this.knownMembers.get(key) ?? 0,
      bind: (pod, node) => this.bind(pod, node, this.cluster.requestVector(pod)),
      setPod: (pod, outcome, node, message, tie, trace) => this.setPod(pod, outcome, node, message, tie, trace),
      setGroup: (key, namespace, name, record) =>
        this.setGroup(key, namespace, name, { ...record, tieBroken: this.placementTie(record.placements) }),
      condition: (key) => this.conditions.get(key),
      setCondition: (key, condition) => this.conditions.set(key, condition),
      evict: (pod) => this.evict(pod),
      ...(this.preemption ? { preemptRoot: this.preemption.preemptRoot.bind(this.preemption) } : {}),
    };
  }

  private placementTie(placements: PlacementReport | undefined): string | undefined {
    return placements?.tie && placements.chosen ? placementTieNote(placements.tie, placements.chosen) : undefined;
  }

  /** Cycle options: PreferNominatedNode always; DefaultPreemption for groups without a topology key (§3: those never preempt). */
  private cycleOptions(policy?: GroupPolicy): GroupAlgorithmOptions {
    if (!this.preemption) return this.options;
    return {
      ...this.options,
      nominatedNode: this.preemption.nominatedNode,
      postFilter: policy?.topologyKey === undefined ? this.preemption.postFilter : undefined,
    };
  }

  /** Pop pending pods in queue order, run pod or group cycles, repeat until a pass binds nothing. */
  runToQuiescence(): SimulationResult {
    for (;;) {
      const before = this.progress;
      const done = new Set<string>();
      for (const pod of this.pending) {
        if (done.has(pod.key) || this.bindings.has(pod.key) || this.evicted.has(pod.key)) continue;
        this.cycleFor(pod, done);
      }
      if (this.progress === before) break;
    }
    return this.result();
  }

  /** One PodGroup cycle for `namespace/name`, started by its first pending member in queue order. */
  runPodGroup(namespace: string, name: string): SimulationResult {
    const key = `${namespace}/${name}`;
    const first = this.pendingByGroup.get(key)?.find((p) => !this.bindings.has(p.key));
    if (first) this.cycleFor(first, new Set());
    return this.result();
  }

  private cycleFor(pod: PodInfo, done: Set<string>): void {
    done.add(pod.key);
    // A pod being deleted is skipped (skipPodSchedule); it is not reported.
    if (pod.terminating) return;
    // Upstream's event handlers never queue a pod no profile is responsible for: no cycle, no condition.
    if (!this.profiles.has(pod.schedulerName)) {
      this.setPod(pod, 'Gated', undefined, GROUP_MESSAGE.noProfile(pod.schedulerName));
      return;
    }
    if (!pod.groupKey) {
      if (!this.heldByGates(pod)) this.podCycle(pod);
      return;
    }
    if (this.rootCycle) {
      this.rootCycle.run(pod, done);
      return;
    }
    const pending = (this.pendingByGroup.get(pod.groupKey) ?? []).filter(
      (p) => !this.bindings.has(p.key) && !this.evicted.has(p.key) && !p.terminating && this.profiles.has(p.schedulerName),
    );
    for (const m of pending) done.add(m.key);
    // Gated members stay known to the group (GangScheduling counts them) but never leave PreEnqueue,
    // so the cycle gathers only the others (spec §1.2 step 2).
    const members = pending.filter((m) => !this.heldByGates(m));
    if (members.length === 0) {
      const first = pending[0] ?? pod;
      const message = schedulingGates.preEnqueue(first.pod) ?? '';
      this.setGroup(pod.groupKey, pod.namespace, pod.groupName as string, {
        outcome: 'Gated',
        message,
        placements: undefined,
        tieBroken: undefined,
        notes: [],
        countCycle: false,
      });
      return;
    }
    const gate = this.preEnqueue(members[0] as PodInfo);
    if (gate !== undefined) {
      for (const m of members) this.setPod(m, 'Gated', undefined, gate);
      this.setGroup(pod.groupKey, pod.namespace, pod.groupName as string, {
        outcome: 'Gated',
        message: gate,
        placements: undefined,
        tieBroken: undefined,
        notes: [],
        countCycle: false,
      });
      return;
    }
    this.groupCycle(pod.groupKey, members);
  }

  /** The scheduler of the pod's profile (cycleFor only queues pods that have one). */
  private schedulerFor(pod: PodInfo): PodScheduler {
    return this.profiles.get(pod.schedulerName) as PodScheduler;
  }

  /** SchedulingGates PreEnqueue, when the pod's profile enables it: a gated pod is reported Gated and stays out of cycles. */
  private heldByGates(pod: PodInfo): boolean {
    if (!this.schedulerFor(pod).profile.preEnqueue.includes(schedulingGates.NAME)) return false;
    const message = schedulingGates.preEnqueue(pod.pod);
    if (message === undefined) return false;
    this.setPod(pod, 'Gated', undefined, message, undefined, undefined, schedulingGates.gatesOf(pod.pod));
    return true;
  }

  /** GangScheduling PreEnqueue (§1.1). */
  private preEnqueue(pod: PodInfo): string | undefined {
    const group = this.groups.get(pod.groupKey as string);
    return gangScheduling.preEnqueue(
      group,
      pod.groupName as string,
      group ? effectivePolicy(group, this.gates).minCount : undefined,
      this.knownMembers.get(pod.groupKey as string) ?? 0,
    );
  }

  /** Pods nominated by earlier preemptions hold their nodes against lower-priority pods during a cycle. */
  private withNominatedPods<T>(pods: readonly PodInfo[], cycle: () => T): T {
    if (!this.preemption || pods.length === 0) return cycle();
    return this.preemption.withNominatedPods(Math.min(...pods.map((p) => p.priority)), new Set(pods.map((p) => p.key)), cycle);
  }

  private podCycle(pod: PodInfo): void {
    this.withNominatedPods([pod], () => this.podAttempt(pod));
  }

  private podAttempt(pod: PodInfo): void {
    const vector = this.cluster.requestVector(pod);
    const scheduler = this.schedulerFor(pod);
    const attempt = scheduler.schedule(pod, vector, scheduler.allNodes, this.cycleOptions());
    if (attempt.node === undefined) {
      const preempted = this.preemption?.preemptForPod(pod, attempt);
      const message = preempted?.message ? `${attempt.fitError?.message ?? ''} ${preempted.message}` : attempt.fitError?.message;
      this.setPod(pod, 'Unschedulable', undefined, message, undefined, attempt.trace);
      for (const victim of preempted?.victims ?? []) this.evict(victim);
      return;
    }
    this.bind(pod, attempt.node, vector);
    this.setPod(pod, 'Scheduled', attempt.nodeName, undefined, attempt.tie, attempt.trace);
  }

  private groupCycle(groupKey: string, gathered: PodInfo[]): void {
    const group = this.groups.get(groupKey) as PodGroup;
    const members = [...gathered].sort(prioritySort.less);
    const first = members[0] as PodInfo;
    const mismatch = members.find((m) => m.schedulerName !== first.schedulerName);
    const validation = mismatch ? GROUP_MESSAGE.schedulerNameMismatch(first.schedulerName, mismatch.schedulerName) : undefined;
    const policy = effectivePolicy(group, this.gates);
    const ctx: GroupContext = {
      cluster: this.cluster,
      scheduler: this.schedulerFor(first),
      groupKey,
      policy,
      options: this.cycleOptions(policy),
    };
    const result: GroupAlgorithmResult = validation
      ? {
          status: { code: 'Error', message: validation, waitingOnPreemption: false },
          members: members.map((pod) => ({ pod, code: 'Unschedulable', node: undefined, attempt: undefined, message: validation })),
          placements: undefined,
        }
      : this.withNominatedPods(members, () => runGroupAlgorithm(ctx, members));
    const preempted = validation
      ? undefined
      : this.withNominatedPods(members, () => this.preemption?.afterGroupCycle(ctx, group, members, result));
    this.submit(group, first, preempted?.result ?? result, { ...ctx, options: this.options }, members, preempted);
  }

  /** submitPodGroupAlgorithmResult (§1.6). */
  private submit(
    group: PodGroup,
    first: PodInfo,
    result: GroupAlgorithmResult,
    ctx: GroupContext,
    members: readonly PodInfo[],
    preempted?: PreemptionOutcome,
  ): void {
    const { status } = result;
    const nodeTies: string[] = [];
    for (const m of result.members) {
      const placed = m.code === 'Success' || m.code === 'Wait';
      const tie = m.attempt?.tie;
      if (status.code === 'Success' && placed && m.node !== undefined) {
        this.bind(m.pod, m.node, this.cluster.requestVector(m.pod));
        const nodeName = this.cluster.nodes[m.node]?.name;
        if (tie) nodeTies.push(`${m.pod.name}: ${nodeTieNote(tie, nodeName ?? '')}`);
        this.setPod(m.pod, 'Scheduled', nodeName, undefined, tie, m.attempt?.trace);
        continue;
      }
      let message = m.message;
      if (status.code === 'Error') message = status.message;
      // Waiting on preemption: feasible members take the group status, nominated ones keep their FitError.
      else if (status.waitingOnPreemption) message = placed ? status.message : m.message;
      // A nominated member of a group that stayed unschedulable got Permit's wait reason.
      else if (status.code === 'Unschedulable' && (placed || m.code === 'RequiresPreemption'))
        message = wrapGroupUnschedulable(m.code === 'RequiresPreemption' ? GROUP_MESSAGE.permitWait : m.message || status.message);
      this.setPod(m.pod, 'Unschedulable', undefined, message, undefined, m.attempt?.trace);
    }
    for (const victim of preempted?.evict ?? []) this.evict(victim);
    const placements = result.placements;
    const placementTie = this.placementTie(placements);
    const shownTies =
      nodeTies.length > MAX_MEMBER_TIES
        ? [...nodeTies.slice(0, MAX_MEMBER_TIES), `${nodeTies.length - MAX_MEMBER_TIES} more members had tied nodes`]
        : nodeTies;
    const tieBroken = [placementTie, ...shownTies].filter((t): t is string => t !== undefined).join('; ') || undefined;
    const diagnosis =
      status.code === 'Unschedulable' && !status.waitingOnPreemption && this.options.diagnose !== false
        ? diagnoseGreedyOrder(ctx, members)
        : [];
    const notes = [...(preempted?.notes ?? []), ...diagnosis];
    const outcome: GroupOutcome = status.code === 'Success' ? 'Scheduled' : status.code === 'Error' ? 'Error' : 'Unschedulable';
    const key = first.groupKey as string;
    const previous = this.conditions.get(key) ?? currentCondition(group);
    this.conditions.set(key, nextCondition(previous, status.code, status.message, group.metadata?.generation, this.now));
    this.setGroup(key, first.namespace, first.groupName as string, {
      outcome,
      message: status.message,
      placements,
      tieBroken,
      notes,
      countCycle: true,
    });
  }

  private bind(pod: PodInfo, node: number, vector: Float64Array): void {
    this.cluster.add(pod, node, vector);
    this.bindings.set(pod.key, this.cluster.nodes[node]?.name ?? '');
    this.preemption?.bound(pod);
    this.progress++;
  }

  /** A preemption victim is deleted: it leaves its node and is never scheduled again in this run. */
  private evict(pod: PodInfo): void {
    const node = this.cluster.placement.get(pod.key);
    if (node !== undefined) this.cluster.remove(pod, node, this.cluster.requestVector(pod));
    this.bindings.delete(pod.key);
    this.evicted.add(pod.key);
    if (pod.groupKey) this.knownMembers.set(pod.groupKey, (this.knownMembers.get(pod.groupKey) ?? 1) - 1);
    const previous = this.podResults.get(pod.key);
    const reason = this.preemption?.victims.findLast((v) => v.namespace === pod.namespace && v.name === pod.name)?.reason;
    if (previous) this.podResults.set(pod.key, { ...previous, outcome: 'Preempted', node: undefined, message: reason, tie: undefined });
    this.progress++;
  }

  private setPod(
    pod: PodInfo,
    outcome: PodOutcome,
    node: string | undefined,
    message: string | undefined,
    tie?: Tie,
    trace?: PodTrace,
    gates?: readonly string[],
  ): void {
    const nominatedNode = outcome === 'Unschedulable' ? this.preemption?.nominatedNodeName(pod) : undefined;
    this.podResults.set(pod.key, {
      namespace: pod.namespace,
      name: pod.name,
      podGroup: pod.groupName,
      outcome,
      node,
      message,
      tie,
      trace,
      ...(nominatedNode ? { nominatedNode } : {}),
      ...(gates ? { schedulingGates: gates } : {}),
    });
  }

  private setGroup(
    key: string,
    namespace: string,
    name: string,
    r: Omit<LeafRecord, 'parent' | 'outcome'> & { outcome: GroupOutcome; tieBroken: string | undefined; parent?: string | undefined },
  ): void {
    const group = this.groups.get(key);
    const policy = group ? specPolicy(group) : undefined;
    const previous = this.groupResults.get(key);
    const cycles = (previous?.cycles ?? 0) + (r.countCycle ? 1 : 0);
    // A group that bound in this run stays Scheduled when a retry for its leftover members fails.
    if (previous?.outcome === 'Scheduled' && r.outcome !== 'Scheduled') {
      this.groupResults.set(key, { ...previous, condition: this.conditions.get(key), cycles });
      return;
    }
    this.groupResults.set(key, {
      namespace,
      name,
      ...(r.parent !== undefined ? { parent: r.parent } : {}),
      policy: !policy ? 'unknown' : policy.minCount === undefined ? 'basic' : 'gang',
      minCount: policy?.minCount,
      outcome: r.outcome,
      message: r.message,
      condition: this.conditions.get(key),
      placements: r.placements,
      tieBroken: r.tieBroken,
      notes: r.notes,
      cycles,
    });
  }

  /** Results in queue order; groups in the order their first cycle ran. */
  result(): SimulationResult {
    const pods = this.pending.map((p) => this.podResults.get(p.key)).filter((r): r is PodResult => r !== undefined);
    return {
      podGroups: [...this.groupResults.values()],
      compositePodGroups: this.rootCycle?.compositeResults() ?? [],
      pods,
      bindings: new Map(this.bindings),
      victims: [...(this.preemption?.victims ?? [])],
    };
  }

  /** The PodGroupScheduled condition the run would write for `namespace/name`. */
  conditionOf(namespace: string, name: string): PodGroupCondition | undefined {
    return this.conditions.get(`${namespace}/${name}`);
  }
}
