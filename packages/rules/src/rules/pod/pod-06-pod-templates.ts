import { defineRule } from '../../rule.js';
import { POD_TEMPLATE_KINDS, podSpecsOf } from '../../pod-specs.js';
import { podGroupNameFormat, podGroupNameRequired } from './scheduling-group-checks.js';

/**
 * POD-06: pod templates go through ValidatePodSpec too, so POD-02/03 apply at the template's path
 * (e.g. `spec.jobTemplate.spec.template.spec.schedulingGroup.podGroupName`). UNVERIFIED for
 * templates specifically (api-rules §5).
 */
export const pod06 = defineRule({
  id: 'POD-06',
  doc: 'Pod templates (Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs, CronJobs) follow the Pod schedulingGroup rules.',
  severity: 'error',
  style: 'field',
  kinds: POD_TEMPLATE_KINDS,
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  check: ({ object }) => podSpecsOf(object).flatMap(({ path, spec }) => [...podGroupNameRequired(path, spec), ...podGroupNameFormat(path, spec)]),
});
