import { goQuote, invalid } from '@kubectl-workload/api';
import type { Job } from '@kubectl-workload/api';
import { podGroupTemplateNameForJob } from '../../job/names.js';
import { jobGangQualification } from '../../job/qualification.js';
import { defineRule } from '../../rule.js';

/** 63 (DNS label) minus the `-pgt-0` suffix of JOB-05. */
const MAX_GANG_JOB_NAME = 57;

/** X-23 [PROPOSAL]: a gang-qualified Job name over 57 characters makes an invalid template name (JOB-05). */
export const x23 = defineRule<Job>({
  id: 'X-23',
  doc: 'A gang-qualified Job name fits the generated PodGroupTemplate name (at most 57 characters).',
  severity: 'warning',
  style: 'field',
  kinds: ['Job'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload', 'WorkloadWithJob'],
  check: ({ object }) => {
    const name = object.metadata?.name ?? '';
    if (name.length <= MAX_GANG_JOB_NAME || !jobGangQualification(object).qualifies) return [];
    const template = podGroupTemplateNameForJob(object);
    return [
      invalid(
        'metadata.name',
        name,
        `must be no more than ${MAX_GANG_JOB_NAME} characters for a gang-scheduled Job: the Job controller names its PodGroupTemplate ${goQuote(template)} (${template.length} characters, over the 63 allowed), so the Workload it creates is rejected`,
      ),
    ];
  },
});
