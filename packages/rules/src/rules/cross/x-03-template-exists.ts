import { goQuote } from '@kubectl-workload/api';
import { TEMPLATE_NAME_FIELD, workloadExistsRule } from './workload-exists.js';

/** X-03 [UPSTREAM] PodGroupWorkloadExists: the Workload must have the referenced template. */
export const x03 = workloadExistsRule({
  id: 'X-03',
  doc: 'A PodGroup can be created only from a template its Workload has.',
  skipIfFailed: ['X-02'],
  reject: ({ ref, workload, template }) =>
    !workload || template
      ? undefined
      : {
          field: TEMPLATE_NAME_FIELD,
          message: `PodGroup rejected: PodGroupTemplate ${goQuote(ref.templateName)} not found in Workload ${goQuote(ref.workloadName)}`,
        },
});
