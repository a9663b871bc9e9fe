import { goQuote } from '@kubectl-workload/api';
import { WORKLOAD_NAME_FIELD, workloadExistsRule } from './workload-exists.js';

/** X-01 [UPSTREAM] PodGroupWorkloadExists: a template-backed PodGroup needs its Workload at creation. */
export const x01 = workloadExistsRule({
  id: 'X-01',
  doc: 'A PodGroup referencing a Workload template can be created only when the Workload exists.',
  reject: ({ ref, workload }) =>
    workload ? undefined : { field: WORKLOAD_NAME_FIELD, message: `PodGroup rejected: Workload ${goQuote(ref.workloadName)} not found` },
});
