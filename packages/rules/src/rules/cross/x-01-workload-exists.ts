import { goQuote } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { resolveTemplateRef } from './template-ref.js';

/** X-01 [UPSTREAM] PodGroupWorkloadExists: a template-backed PodGroup needs its Workload at creation. */
export const x01 = defineRule<PodGroup>({
  id: 'X-01',
  doc: 'A PodGroup referencing a Workload template can be created only when the Workload exists.',
  severity: 'error',
  style: 'admission',
  kinds: ['PodGroup'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const resolved = await resolveTemplateRef(object, lookup);
    if (!resolved || resolved.workload) return [];
    return [{ field: 'spec.podGroupTemplateRef.workload.workloadName', message: `PodGroup rejected: Workload ${goQuote(resolved.ref.workloadName)} not found` }];
  },
});
