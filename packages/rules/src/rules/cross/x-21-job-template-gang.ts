import { goQuote, invalid, namespaceOf } from '@kubectl-workload/api';
import type { Job } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { unreachableGang } from './job-gang.js';

/** X-21 [PROPOSAL]: a Job template naming a gang PodGroup runs at least minCount pods at once. */
export const x21 = defineRule<Job>({
  id: 'X-21',
  doc: 'A Job whose template names a gang PodGroup runs enough pods at once to fill the gang.',
  severity: 'warning',
  style: 'field',
  kinds: ['Job'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const name = object.spec?.template?.spec?.schedulingGroup?.podGroupName;
    if (!name) return [];
    const minCount = (await lookup.getPodGroup(namespaceOf(object), name))?.spec?.schedulingPolicy?.gang?.minCount;
    const why = minCount === undefined ? undefined : unreachableGang(minCount, object);
    return why === undefined
      ? []
      : [
          invalid(
            'spec.template.spec.schedulingGroup.podGroupName',
            name,
            `the gang minCount ${minCount} of PodGroup ${goQuote(name)} ${why}`,
          ),
        ];
  },
});
