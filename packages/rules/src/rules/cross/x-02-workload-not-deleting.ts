import { goQuote } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { resolveTemplateRef } from './template-ref.js';

/**
 * X-02 [UPSTREAM] PodGroupWorkloadExists: the Workload must not be being deleted. AMBIGUOUS only in
 * that an older variant of the plugin lacks this check (api-rules §7.1).
 */
export const x02 = defineRule<PodGroup>({
  id: 'X-02',
  doc: 'A PodGroup cannot be created from a Workload that is being deleted.',
  severity: 'error',
  style: 'admission',
  kinds: ['PodGroup'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const resolved = await resolveTemplateRef(object, lookup);
    if (!resolved?.workload?.metadata?.deletionTimestamp) return [];
    return [{ field: 'spec.podGroupTemplateRef.workload.workloadName', message: `PodGroup rejected: Workload ${goQuote(resolved.ref.workloadName)} is being deleted` }];
  },
});
