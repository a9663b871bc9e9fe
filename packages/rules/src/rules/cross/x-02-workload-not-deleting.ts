import { goQuote } from '@kubectl-workload/api';
import { WORKLOAD_NAME_FIELD, workloadExistsRule } from './workload-exists.js';

/**
 * X-02 [UPSTREAM] PodGroupWorkloadExists: the Workload must not be being deleted. AMBIGUOUS only in
 * that an older variant of the plugin lacks this check (api-rules §7.1).
 */
export const x02 = workloadExistsRule({
  id: 'X-02',
  doc: 'A PodGroup cannot be created from a Workload that is being deleted.',
  reject: ({ ref, workload }) =>
    workload?.metadata?.deletionTimestamp
      ? { field: WORKLOAD_NAME_FIELD, message: `PodGroup rejected: Workload ${goQuote(ref.workloadName)} is being deleted` }
      : undefined,
});
