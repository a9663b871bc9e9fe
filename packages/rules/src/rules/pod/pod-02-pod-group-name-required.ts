import type { Pod } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { podGroupNameRequired } from './scheduling-group-checks.js';

/** POD-02: `spec.schedulingGroup.podGroupName` must be set when `schedulingGroup` is present. */
export const pod02 = defineRule<Pod>({
  id: 'POD-02',
  doc: 'A Pod with spec.schedulingGroup must name its PodGroup.',
  severity: 'error',
  style: 'field',
  kinds: ['Pod'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  check: ({ object }) => (object.spec ? podGroupNameRequired('spec', object.spec) : []),
});
