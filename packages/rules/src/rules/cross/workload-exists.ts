// The PodGroupWorkloadExists admission plugin (X-01..X-03 [UPSTREAM], GenericWorkload): on CREATE of
// a template-backed PodGroup it resolves the Workload and rejects with its first failing check.
// Standalone PodGroups, updates and status updates are never checked.

import type { PodGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { AdmissionRejection, Rule } from '../../rule.js';
import { resolveTemplateRef } from '../../template/ref.js';
import type { ResolvedTemplateRef } from '../../template/ref.js';

export const WORKLOAD_NAME_FIELD = 'spec.podGroupTemplateRef.workload.workloadName';
export const TEMPLATE_NAME_FIELD = 'spec.podGroupTemplateRef.workload.podGroupTemplateName';

export interface WorkloadExistsCheck {
  id: string;
  doc: string;
  /** Checks of the plugin that come first: once they rejected, this one is not reached. */
  skipIfFailed?: readonly string[];
  reject(resolved: ResolvedTemplateRef): AdmissionRejection | undefined;
}

export function workloadExistsRule(check: WorkloadExistsCheck): Rule {
  return defineRule<PodGroup>({
    id: check.id,
    doc: check.doc,
    severity: 'error',
    style: 'admission',
    kinds: ['PodGroup'],
    operations: ['CREATE'],
    subResources: [''],
    gates: ['GenericWorkload'],
    ...(check.skipIfFailed ? { skipIfFailed: check.skipIfFailed } : {}),
    crossObject: true,
    check: async ({ object, lookup }) => {
      const resolved = await resolveTemplateRef(object, lookup);
      const rejection = resolved && check.reject(resolved);
      return rejection ? [rejection] : [];
    },
  });
}
