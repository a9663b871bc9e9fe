// X-06 / PG-52: the Priority admission plugin on PodGroup CREATE (WorkloadAwarePreemption on). It
// resolves spec.priorityClassName to a PriorityClass (the globalDefault one, or priority 0, when
// empty) and rejects a PodGroup naming no class, or presetting a priority that differs from the
// resolved value. Upstream's PodGroup texts are UNVERIFIED (api-rules §10); these follow the Pod
// wording of plugin/pkg/admission/priority, which the PodGroup path was added beside.

import type { PodGroup, PriorityClass } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { AdmissionRejection } from '../../rule.js';

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

/** What admission computes for a PodGroup: a rejection, or the priority it resolved. */
function admitPriority(podGroup: PodGroup, known: readonly PriorityClass[]): AdmissionRejection | undefined {
  const spec = podGroup.spec ?? {};
  const className = spec.priorityClassName ?? '';
  let priority: number;
  if (!className) {
    priority = globalDefaultClass(known)?.value ?? PRIORITY_WITHOUT_DEFAULT_CLASS;
  } else {
    const found = [...SYSTEM_CLASSES, ...known].find((c) => c.metadata?.name === className);
    if (!found) return { field: 'spec.priorityClassName', message: `no PriorityClass with name ${className} was found` };
    priority = found.value ?? 0;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    return {
      field: 'spec.priority',
      message: `the integer value of priority (${spec.priority}) must not be provided in PodGroup spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    };
  }
  return undefined;
}

/**
 * Runs only where the PriorityClasses are known: a real API server always holds the two system
 * classes, so a lookup with none (lint input or a snapshot without them) cannot say a class is missing.
 */
export const x06 = defineRule<PodGroup>({
  id: 'X-06',
  doc: 'PodGroup priority admission (PG-52): priorityClassName names a PriorityClass (empty: the globalDefault one) and a preset priority equals its value.',
  severity: 'error',
  style: 'admission',
  kinds: ['PodGroup'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['WorkloadAwarePreemption'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const known = await lookup.listPriorityClasses();
    if (!known.length) return [];
    const rejection = admitPriority(object, known);
    return rejection ? [rejection] : [];
  },
});
