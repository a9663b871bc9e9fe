import { POD_TEMPLATE_KINDS } from '../../pod-specs.js';
import { podGroupNameFormat, podGroupNameRequired, schedulingGroupRule } from './scheduling-group-checks.js';

/**
 * POD-06: pod templates go through ValidatePodSpec too, so POD-02/03 apply at the template's path
 * (e.g. `spec.jobTemplate.spec.template.spec.schedulingGroup.podGroupName`). UNVERIFIED for
 * templates specifically (api-rules §5).
 */
export const pod06 = schedulingGroupRule(
  'POD-06',
  'Pod templates (Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs, CronJobs) follow the Pod schedulingGroup rules.',
  POD_TEMPLATE_KINDS,
  [podGroupNameRequired, podGroupNameFormat],
);
