// One 1.37 scheduling cycle for a root unit (scheduler-1.37.md §2-§3.5): the queue pops the root (a
// standalone PodGroup, or a root CompositePodGroup with its subtree) with the pending pods of every
// leaf; PreEnqueue, pre-cycle validation over the whole hierarchy, the recursive algorithm, then
// submit: winners bind, every reached leaf gets PodGroupInitiallyScheduled, every composite its
// (API-defined) CompositePodGroupInitiallyScheduled.

import {
  COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED,
  POD_GROUP_INITIALLY_SCHEDULED,
  type CompositePodGroup,
  type FeatureGates,
  type PodGroup,
  type PriorityClass,
} from '@kubectl-workload/api';
import type { SchedulerCache } from '../cluster.js';
import { currentCondition, nextCondition, type PodGroupCondition } from '../condition.js';
import type { PlacementReport } from '../placements.js';
import type { PodInfo } from '../pod-info.js';
import { wrapGroupUnschedulable } from '../messages.js';
import { PREEMPTION_MESSAGE } from '../preemption/messages.js';
import { PriorityResolver } from '../preemption/priority.js';
import type { DryRun, VictimUnit } from '../preemption/workload-aware.js';
import type { PodScheduler, PodTrace, ScheduleOptions, Tie } from '../schedule-pod.js';
import { outcomesOf, runRootAlgorithm, type GroupOutcome, type OutcomeCode, type RootContext } from './composite-algorithm.js';
import { preEnqueue } from './gang-scheduling.js';
import { Hierarchy, leavesOf, subtree, type CompositeNode, type GroupNode, type LeafNode } from './hierarchy.js';
import { groupPriority, validateUnit } from './validation.js';
import { mayPreempt, victimUnits } from './preemption.js';

export type UnitOutcome = 'Scheduled' | 'Unschedulable' | 'Error' | 'Gated';

/** A CompositePodGroup after the run (simulate's `compositePodGroups[]`). */
export interface CompositePodGroupResult {
  readonly namespace: string;
  readonly name: string;
  readonly parent: string | undefined;
  readonly policy: 'gang' | 'basic';
  /** undefined for the basic policy (which counts as 1). */
  readonly minGroupCount: number | undefined;
  readonly outcome: UnitOutcome;
  readonly message: string;
  /**
   * CompositePodGroupInitiallyScheduled as the API defines it; the 1.37-development cycle read does
   * not write it (§3.5 UNVERIFIED), see the report notes.
   */
  readonly condition: PodGroupCondition | undefined;
  /** Child groups in evaluation order. */
  readonly children: readonly { readonly kind: 'PodGroup' | 'CompositePodGroup'; readonly name: string }[];
  /** Child groups that succeeded in the last cycle (earlier cycles included). */
  readonly scheduledChildren: number;
  readonly placements: PlacementReport | undefined;
  /** Why a child that fit on its own was not bound, and the like. */
  readonly notes: readonly string[];
}

/** What a leaf PodGroup's cycle reports to the simulation. */
export interface LeafRecord {
  readonly outcome: UnitOutcome;
  readonly message: string;
  readonly parent: string | undefined;
  readonly placements: PlacementReport | undefined;
  readonly notes: string[];
  readonly countCycle: boolean;
}

/** The simulation the cycle runs in. */
export interface RootCycleHost {
  readonly cluster: SchedulerCache;
  readonly now: string;
  readonly options: ScheduleOptions;
  scheduler(schedulerName: string): PodScheduler | undefined;
  /** Pending pods of a group still to schedule, in queue order (any profile). */
  pendingMembers(groupKey: string): PodInfo[];
  /** Pods present (pending + bound, not terminal): PreEnqueue's AllPodsCount. */
  podsPresent(groupKey: string): number;
  bind(pod: PodInfo, node: number): void;
  setPod(
    pod: PodInfo,
    outcome: 'Scheduled' | 'Unschedulable' | 'Gated',
    node: string | undefined,
    message: string | undefined,
    tie?: Tie,
    trace?: PodTrace,
  ): void;
  setGroup(key: string, namespace: string, name: string, record: LeafRecord): void;
  /** The leaf's condition so far in this run (else its object's). */
  condition(key: string): PodGroupCondition | undefined;
  setCondition(key: string, condition: PodGroupCondition): void;
  /** Workload-aware preemption at the root (undefined when preemption is not simulated). */
  preemptRoot?: (
    preemptor: string,
    first: PodInfo,
    units: VictimUnit[],
    run: () => DryRun,
  ) => { readonly ok: true; readonly evict: readonly PodInfo[] } | { readonly ok: false; readonly message: string };
  /** A preemption victim leaves its node for good. */
  evict(pod: PodInfo): void;
}

const UNIT_OUTCOME: Record<OutcomeCode, UnitOutcome> = { Success: 'Scheduled', Unschedulable: 'Unschedulable', Error: 'Error' };

export class RootCycle {
  readonly hierarchy: Hierarchy;
  private readonly priorities: PriorityResolver;
  private readonly composites = new Map<string, CompositePodGroupResult>();
  private readonly compositeConditions = new Map<string, PodGroupCondition>();

  constructor(
    private readonly host: RootCycleHost,
    podGroups: readonly PodGroup[],
    compositePodGroups: readonly CompositePodGroup[],
    priorityClasses: readonly PriorityClass[],
    private readonly gates: FeatureGates,
  ) {
    this.hierarchy = new Hierarchy(podGroups, compositePodGroups, {
      composite: gates.CompositePodGroup,
      topology: gates.TopologyAwareWorkloadScheduling,
    });
    this.priorities = new PriorityResolver(
      priorityClasses,
      new Map(podGroups.map((g) => [`${g.metadata?.namespace || 'default'}/${g.metadata?.name ?? ''}`, g])),
    );
  }

  /** The cycle the queue runs when it pops `pod`'s root; every pod the unit carries is added to `done`. */
  run(pod: PodInfo, done: Set<string>): void {
    const leaf = this.hierarchy.podGroup(pod.groupKey as string);
    const gate = preEnqueue(
      this.hierarchy,
      leaf,
      pod.groupName as string,
      (key) => this.host.podsPresent(key),
      this.gates.CompositePodGroup,
    );
    const found = leaf && this.hierarchy.rootOf(leaf);
    if (gate !== undefined || !found || 'error' in found) {
      const message = gate ?? (found && 'error' in found ? found.error : '');
      const members = this.host.pendingMembers(pod.groupKey as string);
      for (const m of members) {
        done.add(m.key);
        this.host.setPod(m, 'Gated', undefined, message);
      }
      const [namespace, name] = [pod.namespace, pod.groupName as string];
      this.host.setGroup(pod.groupKey as string, namespace, name, {
        outcome: 'Gated',
        message,
        parent: leaf?.parent,
        placements: undefined,
        notes: [],
        countCycle: false,
      });
      if (found && 'root' in found)
        for (const node of subtree(found.root)) if (node.kind === 'CompositePodGroup') this.recordComposite(node, 'Gated', message);
      return;
    }
    const root = found.root;
    const leaves = leavesOf(root);
    const pending = new Map(leaves.map((l) => [l.key, this.host.pendingMembers(l.key)]));
    for (const pods of pending.values()) for (const p of pods) done.add(p.key);
    const everyPod = leaves.flatMap((l) => [...(pending.get(l.key) ?? []), ...this.host.cluster.scheduledMembers(l.key)]);
    const invalid = validateUnit({
      root,
      pods: everyPod,
      priorities: this.priorities,
      policyGate: this.gates.PodGroupPreemptionPolicy,
      hasProfile: (name) => this.host.scheduler(name) !== undefined,
    });
    if (invalid !== undefined) {
      this.failBeforeScheduling(root, pending, invalid);
      return;
    }
    const scheduler = this.host.scheduler((everyPod[0] as PodInfo).schedulerName) as PodScheduler;
    if ([...pending.values()].every((pods) => pods.length === 0)) return;
    const ctx: RootContext = {
      cluster: this.host.cluster,
      scheduler,
      options: this.host.options,
      pending: (l) => pending.get(l.key) ?? [],
    };
    const result = runRootAlgorithm(ctx, root);
    if (result.code === 'Unschedulable') this.postFilter(ctx, root, everyPod, result);
    this.submit(result);
  }

  /**
   * PodGroupPostFilter at the root (§3.5, §5): on success the victims go and every group of the
   * hierarchy waits on preemption; either way the post-filter message is appended to every group.
   */
  private postFilter(ctx: RootContext, root: GroupNode, pods: readonly PodInfo[], result: GroupOutcome): void {
    if (!this.host.preemptRoot) return;
    const appendToAll = (message: string): void => {
      for (const o of outcomesOf(result)) if (o.code !== 'Success') o.message = `${o.message}, ${message}`;
    };
    if (!mayPreempt(root, pods, this.priorities, this.gates.PodGroupPreemptionPolicy)) {
      appendToAll(PREEMPTION_MESSAGE.policyNever);
      return;
    }
    const units = victimUnits(this.host.cluster, this.hierarchy, this.priorities, groupPriority(this.priorities, root));
    const outcome = this.host.preemptRoot(root.key, pods[0] as PodInfo, units, () => {
      const run = runRootAlgorithm(ctx, root);
      const placed = outcomesOf(run)
        .filter((o) => o.code === 'Success')
        .reduce((sum, o) => sum + o.pods.filter((p) => p.node !== undefined).length, 0);
      return { success: run.code === 'Success', placed, message: run.message };
    });
    if (!outcome.ok) {
      appendToAll(outcome.message);
      return;
    }
    for (const pod of outcome.evict) this.host.evict(pod);
    const waiting = wrapGroupUnschedulable(PREEMPTION_MESSAGE.waitingForPodGroupPreemption);
    for (const o of outcomesOf(result)) {
      o.code = 'Unschedulable';
      o.message = waiting;
      for (const [i, p] of o.pods.entries()) o.pods[i] = { ...p, fitError: '', waiting: '' };
    }
  }

  /** Shape or validation errors: every pod fails with the text, every leaf gets False/SchedulerError. */
  private failBeforeScheduling(root: GroupNode, pending: ReadonlyMap<string, PodInfo[]>, message: string): void {
    for (const node of subtree(root)) {
      if (node.kind === 'CompositePodGroup') {
        this.recordComposite(node, 'Error', message, this.compositeCondition(node, 'Error', message));
        continue;
      }
      for (const p of pending.get(node.key) ?? []) this.host.setPod(p, 'Unschedulable', undefined, message);
      this.writeLeafCondition(node, 'Error', message);
      this.host.setGroup(node.key, node.namespace, node.name, {
        outcome: 'Error',
        message,
        parent: node.parent,
        placements: undefined,
        notes: [],
        countCycle: true,
      });
    }
  }

  private writeLeafCondition(leaf: LeafNode, code: OutcomeCode, message: string): void {
    const previous = this.host.condition(leaf.key) ?? currentCondition(leaf.object, POD_GROUP_INITIALLY_SCHEDULED);
    this.host.setCondition(
      leaf.key,
      nextCondition(previous, code, message, leaf.object.metadata?.generation, this.host.now, POD_GROUP_INITIALLY_SCHEDULED),
    );
  }

  private compositeCondition(node: CompositeNode, code: OutcomeCode, message: string): PodGroupCondition {
    const previous = this.compositeConditions.get(node.key) ?? currentCondition(node.object, COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED);
    const condition = nextCondition(
      previous,
      code,
      message,
      node.object.metadata?.generation,
      this.host.now,
      COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED,
    );
    this.compositeConditions.set(node.key, condition);
    return condition;
  }

  private submit(result: GroupOutcome): void {
    for (const o of outcomesOf(result)) {
      const notes = o.own ? [overrideNote(o)] : [];
      if (o.node.kind === 'CompositePodGroup') {
        this.recordComposite(o.node, UNIT_OUTCOME[o.code], o.message, this.compositeCondition(o.node, o.code, o.message), o, notes);
        continue;
      }
      // A leaf with no pending pod is not in the cycle's status map: no condition write (§4).
      if (o.pods.length === 0) continue;
      for (const p of o.pods) {
        if (o.code === 'Success' && p.node !== undefined) {
          this.host.bind(p.pod, p.node);
          this.host.setPod(p.pod, 'Scheduled', this.host.cluster.nodes[p.node]?.name, undefined, p.attempt?.tie, p.attempt?.trace);
        } else
          this.host.setPod(
            p.pod,
            'Unschedulable',
            undefined,
            p.fitError || (o.own ? '' : p.waiting) || o.message,
            undefined,
            p.attempt?.trace,
          );
      }
      this.writeLeafCondition(o.node, o.code, o.message);
      this.host.setGroup(o.node.key, o.node.namespace, o.node.name, {
        outcome: UNIT_OUTCOME[o.code],
        message: o.message,
        parent: o.node.parent,
        placements: o.placements,
        notes,
        countCycle: true,
      });
    }
  }

  private recordComposite(
    node: CompositeNode,
    outcome: UnitOutcome,
    message: string,
    condition?: PodGroupCondition,
    result?: GroupOutcome,
    notes: string[] = [],
  ): void {
    const previous = this.composites.get(node.key);
    // A tree that bound in this run stays Scheduled when a retry for leftover members fails.
    if (previous?.outcome === 'Scheduled' && outcome !== 'Scheduled') return;
    this.composites.set(node.key, {
      namespace: node.namespace,
      name: node.name,
      parent: node.parent,
      policy: node.gang ? 'gang' : 'basic',
      minGroupCount: node.gang ? node.minCount : undefined,
      outcome,
      message,
      condition: condition ?? previous?.condition,
      children: node.children.map((c) => ({ kind: c.kind, name: c.name })),
      scheduledChildren: result?.scheduled ?? 0,
      placements: result?.placements,
      notes,
    });
  }

  /** The CompositePodGroups that took part in a cycle, in the order their first cycle ran. */
  compositeResults(): CompositePodGroupResult[] {
    return [...this.composites.values()];
  }
}

function overrideNote(o: GroupOutcome): string {
  const own = o.own as NonNullable<GroupOutcome['own']>;
  const fit = own.code === 'Success' ? 'fit on its own' : `failed on its own (${own.message})`;
  return `${fit}, but its parent composite pod group "${own.overriddenBy}" failed, so its status is the parent's and no pod binds`;
}
