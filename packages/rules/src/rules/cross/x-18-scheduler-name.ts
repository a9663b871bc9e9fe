import { goQuote, invalid, namespaceOf } from '@kubectl-workload/api';
import type { Pod } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';

const DEFAULT_SCHEDULER = 'default-scheduler';
const schedulerOf = (pod: Pod): string => pod.spec?.schedulerName || DEFAULT_SCHEDULER;

/** X-18 [PROPOSAL]: pods of one PodGroup share spec.schedulerName, or the whole group is unschedulable. */
export const x18 = defineRule<Pod>({
  id: 'X-18',
  doc: 'Pods of one PodGroup use the same scheduler.',
  severity: 'warning',
  style: 'field',
  kinds: ['Pod'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const group = object.spec?.schedulingGroup?.podGroupName;
    if (!group) return [];
    const mine = schedulerOf(object);
    const other = (await lookup.podsOfPodGroup(namespaceOf(object), group)).find(
      (p) => p.metadata?.name !== object.metadata?.name && schedulerOf(p) !== mine,
    );
    if (!other) return [];
    return [
      invalid(
        'spec.schedulerName',
        mine,
        `pods of PodGroup ${goQuote(group)} must share one scheduler, but pod ${goQuote(other.metadata?.name ?? '')} uses ${goQuote(schedulerOf(other))}; the scheduler rejects the whole group`,
      ),
    ];
  },
});
