import { goQuote } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { resolveTemplateRef } from './template-ref.js';

/** X-03 [UPSTREAM] PodGroupWorkloadExists: the Workload must have the referenced template. */
export const x03 = defineRule<PodGroup>({
  id: 'X-03',
  doc: 'A PodGroup can be created only from a template its Workload has.',
  severity: 'error',
  style: 'admission',
  kinds: ['PodGroup'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  // The plugin returns its first rejection: a Workload being deleted is reported alone.
  skipIfFailed: ['X-02'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const resolved = await resolveTemplateRef(object, lookup);
    if (!resolved?.workload || resolved.template) return [];
    const { templateName, workloadName } = resolved.ref;
    return [
      {
        field: 'spec.podGroupTemplateRef.workload.podGroupTemplateName',
        message: `PodGroup rejected: PodGroupTemplate ${goQuote(templateName)} not found in Workload ${goQuote(workloadName)}`,
      },
    ];
  },
});
