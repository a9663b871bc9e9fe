// POD-10 (api-rules-1.37.md §7.1): PodGroupProtection's new validating half (ADM-11) refuses a Pod
// created into a PodGroup that is being deleted. A missing PodGroup is allowed (POD-05 still holds).

import { goQuote } from '@kubectl-workload/api';
import { podGroupRefRule } from '../cross/pod-group-refs.js';

export const pod10 = podGroupRefRule({
  id: 'POD-10',
  doc: 'A Pod cannot be created into a PodGroup that is being deleted (PodGroupProtection).',
  severity: 'error',
  style: 'admission',
  kinds: ['Pod'],
  operations: ['CREATE'],
  gates: ['GenericWorkload'],
  check: ({ path, podGroupName, podGroup }) =>
    podGroup?.metadata?.deletionTimestamp
      ? [
          {
            field: `${path}.schedulingGroup.podGroupName`,
            message: `cannot create Pod referencing PodGroup ${goQuote(podGroupName)} because it is being deleted`,
          },
        ]
      : [],
});
