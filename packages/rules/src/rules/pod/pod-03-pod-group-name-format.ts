import type { Pod } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { podGroupNameFormat } from './scheduling-group-checks.js';

/** POD-03: `spec.schedulingGroup.podGroupName` is a DNS-1123 subdomain. */
export const pod03 = defineRule<Pod>({
  id: 'POD-03',
  doc: 'A Pod names its PodGroup with a DNS-1123 subdomain.',
  severity: 'error',
  style: 'field',
  kinds: ['Pod'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  check: ({ object }) => (object.spec ? podGroupNameFormat('spec', object.spec) : []),
});
