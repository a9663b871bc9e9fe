import { forbidden } from '@kubectl-workload/api';
import { defineTemplateRule } from './template-rule.js';

const DRA = 'DRAWorkloadResourceClaims';

/**
 * WL-24: the declarative tags do not gate template claims, but with DRAWorkloadResourceClaims off
 * the API server's strategy silently drops them on create. Not an API error: a warning, so a
 * manifest that relies on its claims does not lose them unnoticed.
 */
export const wl24 = defineTemplateRule({
  id: 'WL-24',
  doc: 'Warns that template resourceClaims are dropped on create while DRAWorkloadResourceClaims is off.',
  severity: 'warning',
  readsGates: [DRA],
  checkTemplate: (path, t, { gates }) =>
    !gates[DRA] && t.resourceClaims?.length
      ? [forbidden(`${path}.resourceClaims`, `dropped by the API server: the ${DRA} feature gate is off`)]
      : [],
});
