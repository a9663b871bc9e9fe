import { goQuote, namespaceOf, notFound } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { POD_TEMPLATE_KINDS } from '../../pod-specs.js';
import { podGroupRefs } from './pod-group-refs.js';

/**
 * X-15 [PROPOSAL]: the PodGroup a pod (or pod template) names exists. Only a warning: upstream allows
 * either creation order (POD-05), but a pod whose group never appears stays Pending silently.
 */
export const x15 = defineRule({
  id: 'X-15',
  doc: 'The PodGroup named in spec.schedulingGroup.podGroupName exists in the namespace.',
  severity: 'warning',
  style: 'field',
  kinds: ['Pod', ...POD_TEMPLATE_KINDS],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async (ctx) =>
    (await podGroupRefs(ctx))
      .filter((ref) => !ref.podGroup)
      .map(({ path, podGroupName }) =>
        notFound(
          `${path}.schedulingGroup.podGroupName`,
          podGroupName,
          `no such PodGroup in namespace ${goQuote(namespaceOf(ctx.object))}; its pods stay Pending, without any event, until it is created`,
        ),
      ),
});
