import { goQuote, invalid } from '@kubectl-workload/api';
import type { FieldError } from '@kubectl-workload/api';
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
/** 1.37: WorkloadAwarePreemption was merged into GenericWorkload (MIG-05). */
export const x17v137 = podGroupRefRule({ ...X17, gates: ['GenericWorkload'] });
