import { podGroupNameFormat, schedulingGroupRule } from './scheduling-group-checks.js';

/** POD-03: `spec.schedulingGroup.podGroupName` is a DNS-1123 subdomain. */
export const pod03 = schedulingGroupRule('POD-03', 'A Pod names its PodGroup with a DNS-1123 subdomain.', ['Pod'], [podGroupNameFormat]);
