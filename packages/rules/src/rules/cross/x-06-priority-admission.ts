// X-06 / PG-52: the Priority admission plugin on PodGroup CREATE (WorkloadAwarePreemption on; under
// 1.37 GenericWorkload, and CompositePodGroups too, ADM-13). It resolves spec.priorityClassName to a
// PriorityClass (the globalDefault one, or priority 0, when empty) and rejects a group naming no
// class, or presetting a priority (1.37: or a preemptionPolicy) that differs from the resolved value. Upstream's PodGroup texts are UNVERIFIED (api-rules §10); these follow the Pod
// wording of plugin/pkg/admission/priority, which the PodGroup path was added beside.

import type { FeatureGate, KubeObject, PriorityClass } from '@kubectl-workload/api';
import { defineCreateRule } from '../../rule.js';
import type { AdmissionRejection, Rule } from '../../rule.js';

/** scheduling.SystemCriticalPriority (2 × HighestUserDefinablePriority); every API server has these two. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
const SYSTEM_CLASSES: readonly PriorityClass[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: SYSTEM_CRITICAL_PRIORITY,
  },
];

/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
const PRIORITY_WITHOUT_DEFAULT_CLASS = 0;

/** Upstream getDefaultPriorityClass: of several globalDefault classes, the one with the lowest value. */
export function globalDefaultClass(classes: readonly PriorityClass[]): PriorityClass | undefined {
  return classes
    .filter((c) => c.globalDefault)
    .reduce<PriorityClass | undefined>((low, c) => (low && (low.value ?? 0) <= (c.value ?? 0) ? low : c), undefined);
}

/** The spec fields Priority admission reads, on a PodGroup or (1.37) a CompositePodGroup. */
interface PrioritySpec {
  priorityClassName?: string;
  priority?: number | null;
  preemptionPolicy?: string;
}

/** The class's preemptionPolicy; no class, or one without it, means PreemptLowerPriority (the PriorityClass default). */
const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

/**
 * What admission computes for a group: a rejection, or nothing. `checkPolicy` (PodGroupPreemptionPolicy
 * on, ADM-13) also compares a preset preemptionPolicy with the class's, as for Pods.
 */
function admitPriority(
  kind: string,
  spec: PrioritySpec,
  known: readonly PriorityClass[],
  checkPolicy: boolean,
): AdmissionRejection | undefined {
  const className = spec.priorityClassName ?? '';
  const found = className ? [...SYSTEM_CLASSES, ...known].find((c) => c.metadata?.name === className) : globalDefaultClass(known);
  if (className && !found) return { field: 'spec.priorityClassName', message: `no PriorityClass with name ${className} was found` };
  const priority = found?.value ?? PRIORITY_WITHOUT_DEFAULT_CLASS;
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    return {
      field: 'spec.priority',
      message: `the integer value of priority (${spec.priority}) must not be provided in ${kind} spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    };
  }
  const policy = found?.preemptionPolicy ?? PREEMPT_LOWER_PRIORITY;
  if (checkPolicy && spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
    return {
      field: 'spec.preemptionPolicy',
      message: `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in ${kind} spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    };
  }
  return undefined;
}

interface PriorityAdmission {
  doc: string;
  kinds: readonly ('PodGroup' | 'CompositePodGroup')[];
  gates: readonly FeatureGate[];
}

/**
 * Runs only where the PriorityClasses are known: a real API server always holds the two system
 * classes, so a lookup with none (lint input or a snapshot without them) cannot say a class is missing.
 */
function priorityAdmissionRule(spec: PriorityAdmission): Rule {
  return defineCreateRule<KubeObject & { spec?: PrioritySpec }>({
    id: 'X-06',
    doc: spec.doc,
    severity: 'error',
    style: 'admission',
    kinds: spec.kinds,
    gates: spec.gates,
    readsGates: ['PodGroupPreemptionPolicy'],
    check: async ({ object, lookup, gates }) => {
      const known = await lookup.listPriorityClasses();
      if (!known.length) return [];
      const rejection = admitPriority(object.kind ?? '', object.spec ?? {}, known, gates.PodGroupPreemptionPolicy);
      return rejection ? [rejection] : [];
    },
  });
}

export const x06 = priorityAdmissionRule({
  doc: 'PodGroup priority admission (PG-52): priorityClassName names a PriorityClass (empty: the globalDefault one) and a preset priority equals its value.',
  kinds: ['PodGroup'],
  gates: ['WorkloadAwarePreemption'],
});

/** 1.37 (ADM-13): no WorkloadAwarePreemption gate any more; CompositePodGroups too, and preemptionPolicy. */
export const x06v137 = priorityAdmissionRule({
  doc: 'PodGroup and CompositePodGroup priority admission (PG-52, ADM-13): the class exists, and a preset priority (and preemptionPolicy, with PodGroupPreemptionPolicy) equals what it resolves to.',
  kinds: ['PodGroup', 'CompositePodGroup'],
  gates: ['GenericWorkload'],
});
