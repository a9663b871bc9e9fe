import { forbidden } from '@kubectl-workload/api';
import type { Pod, PodSchedulingGroup } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import { semanticEqual } from '../../validation/index.js';

/**
 * The fields ValidatePodUpdate lets a pod update change (`updatablePodSpecFields`, joined with ","),
 * read from kubernetes pkg/apis/core/validation/validation.go; a third-party reading of v1.36.0
 * lists the same five entries.
 */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function goValue(group: PodSchedulingGroup | undefined): string {
  if (group === undefined || group === null) return 'nil';
  const name = group.podGroupName;
  return typeof name === 'string' ? `&core.PodSchedulingGroup{PodGroupName: &${JSON.stringify(name)}}` : '&core.PodSchedulingGroup{}';
}

/**
 * Upstream appends `cmp.Diff(oldSpec, newSpec)` after a newline. go-cmp output is deliberately
 * unstable (it randomises spacing), so this renders the same shape for the schedulingGroup line
 * only; the text before the newline is exact.
 */
function specDiff(oldGroup: PodSchedulingGroup | undefined, newGroup: PodSchedulingGroup | undefined): string {
  return [
    '  core.PodSpec{',
    '  \t... // identical fields',
    `- \tSchedulingGroup: ${goValue(oldGroup)},`,
    `+ \tSchedulingGroup: ${goValue(newGroup)},`,
    '  \t... // identical fields',
    '  }',
  ].join('\n');
}

export function podUpdateForbiddenMessage(oldGroup: PodSchedulingGroup | undefined, newGroup: PodSchedulingGroup | undefined): string {
  return `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(oldGroup, newGroup)}`;
}

/** POD-04: `spec.schedulingGroup` cannot be added, removed or changed on a Pod update. */
export const pod04 = defineRule<Pod>({
  id: 'POD-04',
  doc: "A Pod's spec.schedulingGroup is immutable.",
  severity: 'error',
  style: 'field',
  kinds: ['Pod'],
  operations: ['UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  check: ({ object, oldObject }) => {
    const before = oldObject?.spec?.schedulingGroup;
    const after = object.spec?.schedulingGroup;
    return semanticEqual(before, after) ? [] : [forbidden('spec', podUpdateForbiddenMessage(before, after))];
  },
});
