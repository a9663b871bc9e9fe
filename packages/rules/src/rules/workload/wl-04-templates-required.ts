import { required } from '@kubectl-workload/api';
import type { Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';

/** WL-04: `spec.podGroupTemplates` must have at least one item (nil and `[]` both fail). */
export const wl04 = defineRule<Workload>({
  id: 'WL-04',
  doc: 'A Workload needs at least one pod group template.',
  severity: 'error',
  style: 'field',
  kinds: ['Workload'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  check: ({ object }) => (object.spec?.podGroupTemplates?.length ? [] : [required('spec.podGroupTemplates')]),
});
