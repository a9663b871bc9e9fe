import { podGroupNameRequired, schedulingGroupRule } from './scheduling-group-checks.js';

/** POD-02: `spec.schedulingGroup.podGroupName` must be set when `schedulingGroup` is present. */
export const pod02 = schedulingGroupRule(
  'POD-02',
  'A Pod with spec.schedulingGroup must name its PodGroup.',
  ['Pod'],
  [podGroupNameRequired],
);
