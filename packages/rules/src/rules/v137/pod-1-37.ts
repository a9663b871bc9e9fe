// POD-10 (api-rules-1.37.md §7.1): PodGroupProtection's new validating half refuses a Pod created
// into a PodGroup that is being deleted. A missing PodGroup is allowed (POD-05 still holds).

import { goQuote, namespaceOf } from '@kubectl-workload/api';
import type { Pod } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';

export const pod10 = defineRule<Pod>({
  id: 'POD-10',
  doc: 'A Pod cannot be created into a PodGroup that is being deleted (PodGroupProtection).',
  severity: 'error',
  style: 'admission',
  kinds: ['Pod'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const name = object.spec?.schedulingGroup?.podGroupName;
    if (!name) return [];
    const group = await lookup.getPodGroup(namespaceOf(object), name);
    if (!group?.metadata?.deletionTimestamp) return [];
    return [
      {
        field: 'spec.schedulingGroup.podGroupName',
        message: `cannot create Pod referencing PodGroup ${goQuote(name)} because it is being deleted`,
      },
    ];
  },
});
