import { goQuote, invalid } from '@kubectl-workload/api';
import type { Job } from '@kubectl-workload/api';
import { jobManagementMode } from '../../job/management-1-37.js';
import { podGroupTemplateNameForJob } from '../../job/names.js';
import { jobGangQualification } from '../../job/qualification.js';
import { defineRule } from '../../rule.js';

/** 63 (DNS label) minus the `-pgt-0` suffix of JOB-05. */
const MAX_GANG_JOB_NAME = 57;

/** X-23 for a Job the controller gives its own Workload (`managed`): the version decides which Jobs those are. */
function jobNameLengthRule(doc: string, kind: string, managed: (job: Job) => boolean) {
  return defineRule<Job>({
    id: 'X-23',
    doc,
    severity: 'warning',
    style: 'field',
    kinds: ['Job'],
    operations: ['CREATE'],
    subResources: [''],
    gates: ['GenericWorkload', 'WorkloadWithJob'],
    check: ({ object }) => {
      const name = object.metadata?.name ?? '';
      if (name.length <= MAX_GANG_JOB_NAME || !managed(object)) return [];
      const template = podGroupTemplateNameForJob(object);
      return [
        invalid(
          'metadata.name',
          name,
          `must be no more than ${MAX_GANG_JOB_NAME} characters for ${kind}: the Job controller names its PodGroupTemplate ${goQuote(template)} (${template.length} characters, over the 63 allowed), so the Workload it creates is rejected`,
        ),
      ];
    },
  });
}

/** X-23 [PROPOSAL]: a gang-qualified Job name over 57 characters makes an invalid template name (JOB-05). */
export const x23 = jobNameLengthRule(
  'A gang-qualified Job name fits the generated PodGroupTemplate name (at most 57 characters).',
  'a gang-scheduled Job',
  (job) => jobGangQualification(job).qualifies,
);

/**
 * 1.37: JOB-05 is unchanged and the >57-character issue still applies (api-rules-1.37 JOB-05), now to
 * every root Job (JOB-02 manageBoth), basic included. Delegated Jobs use their owner's template names.
 */
export const x23v137 = jobNameLengthRule(
  "A root Job's name fits the PodGroupTemplate name of the Workload the Job controller creates for it (at most 57 characters).",
  'a root Job',
  (job) => jobManagementMode(job).mode === 'manageBoth',
);
