import { goQuote, namespaceOf, notFound } from '@kubectl-workload/api';
import { podGroupRefRule } from './pod-group-refs.js';

/**
 * X-15 [PROPOSAL]: the PodGroup a pod (or pod template) names exists. Only a warning: upstream allows
 * either creation order (POD-05), but a pod whose group never appears stays Pending silently.
 */
export const x15 = podGroupRefRule({
  id: 'X-15',
  doc: 'The PodGroup named in spec.schedulingGroup.podGroupName exists in the namespace.',
  gates: ['GenericWorkload'],
  check: ({ path, podGroupName, podGroup }, { object }) =>
    podGroup
      ? []
      : [
          notFound(
            `${path}.schedulingGroup.podGroupName`,
            podGroupName,
            `no such PodGroup in namespace ${goQuote(namespaceOf(object))}; its pods stay Pending, without any event, until it is created`,
          ),
        ],
});
