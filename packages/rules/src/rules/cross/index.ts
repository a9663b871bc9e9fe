import type { Rule } from '../../rule.js';
import { x01 } from './x-01-workload-exists.js';
import { x02 } from './x-02-workload-not-deleting.js';
import { x03 } from './x-03-template-exists.js';
import { x06 } from './x-06-priority-admission.js';
import { x10 } from './x-10-scheduling-policy.js';
import { x11 } from './x-11-scheduling-constraints.js';
import { x12 } from './x-12-resource-claims.js';
import { x13 } from './x-13-disruption-mode.js';
import { x14 } from './x-14-priority.js';
import { x15 } from './x-15-pod-group-exists.js';
import { x16 } from './x-16-pod-claims.js';
import { x17 } from './x-17-pod-priority.js';
import { x18 } from './x-18-scheduler-name.js';
import { x19 } from './x-19-min-count-reachable.js';
import { x20 } from './x-20-job-gang-preview.js';
import { x21 } from './x-21-job-template-gang.js';
import { x22 } from './x-22-dangling-template-ref.js';
import { x23 } from './x-23-job-name-length.js';
import { x24 } from './x-24-controller-mismatch.js';

/** X-02 before X-03: X-03 is skipped once X-02 rejected (the plugin's first error wins). */
export const crossRules: readonly Rule[] = [x01, x02, x03, x06, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19, x20, x21, x22, x23, x24];
