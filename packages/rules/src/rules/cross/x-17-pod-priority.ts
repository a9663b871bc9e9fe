import { goQuote, invalid } from '@kubectl-workload/api';
import type { FieldError, PodGroup137 } from '@kubectl-workload/api';
import { podGroupRefRule } from './pod-group-refs.js';
import type { PodGroupRefCheck } from './pod-group-refs.js';

const WHY = "the 1.37 scheduler rejects pods whose priority differs from their group's";

/**
 * X-17 [PROPOSAL]: a pod's priorityClassName matches its PodGroup's when the group sets one (an empty
 * pod value would get the global default instead); priority must match when both are set.
 */
const X17: Omit<PodGroupRefCheck, 'gates'> = {
  id: 'X-17',
  doc: "A pod's priorityClassName and priority match its PodGroup's.",
  check: ({ path, spec, podGroupName, podGroup }) => {
    const errs: FieldError[] = [];
    const group = podGroup?.spec;
    const className = group?.priorityClassName;
    if (className && (spec.priorityClassName ?? '') !== className) {
      errs.push(
        invalid(
          `${path}.priorityClassName`,
          spec.priorityClassName ?? '',
          `must match the priorityClassName of PodGroup ${goQuote(podGroupName)}, ${goQuote(className)}: ${WHY}`,
        ),
      );
    }
    if (group?.priority !== undefined && spec.priority !== undefined && spec.priority !== group.priority) {
      errs.push(
        invalid(
          `${path}.priority`,
          spec.priority,
          `must match the priority of PodGroup ${goQuote(podGroupName)}, ${group.priority}: ${WHY}`,
        ),
      );
    }
    return errs;
  },
};

export const x17 = podGroupRefRule({ ...X17, gates: ['GenericWorkload', 'WorkloadAwarePreemption'] });

const WHY_PREEMPTION = "the 1.37 scheduler rejects pods whose preemptionPolicy differs from their group's";

/**
 * 1.37: WorkloadAwarePreemption was merged into GenericWorkload (MIG-05); with PodGroupPreemptionPolicy
 * the group's preemptionPolicy must be its pods' as well (POD-12). Both are filled from the
 * PriorityClass by admission (ADM-13), so they are compared only when both are set.
 */
export const x17v137 = podGroupRefRule({
  ...X17,
  doc: "A pod's priorityClassName and priority (and, with PodGroupPreemptionPolicy, preemptionPolicy) match its PodGroup's.",
  gates: ['GenericWorkload'],
  check: (ref, ctx) => {
    const errs = X17.check(ref, ctx);
    const groupPolicy = (ref.podGroup as PodGroup137 | undefined)?.spec?.preemptionPolicy;
    const podPolicy = ref.spec.preemptionPolicy;
    if (ctx.gates.PodGroupPreemptionPolicy && groupPolicy && podPolicy && podPolicy !== groupPolicy)
      errs.push(
        invalid(
          `${ref.path}.preemptionPolicy`,
          podPolicy,
          `must match the preemptionPolicy of PodGroup ${goQuote(ref.podGroupName)}, ${goQuote(groupPolicy)}: ${WHY_PREEMPTION}`,
        ),
      );
    return errs;
  },
});
