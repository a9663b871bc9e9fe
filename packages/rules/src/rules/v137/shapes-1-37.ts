// JSON shapes of the 1.37 Workload, PodGroup and CompositePodGroup (api-rules-1.37.md §4–§6), for the
// decode rules: disruptionMode is an object now, and composite templates nest (at most 4 deep is
// validated by WL-37; the shape follows one level further so a too-deep tree still decodes).

import {
  CLAIM_SHAPE,
  CONDITIONS_SHAPE,
  CONSTRAINTS_SHAPE,
  list,
  OBJECT_META_SHAPE,
  POLICY_SHAPE,
  struct,
  type Shape,
} from '../../validation/index.js';

const DISRUPTION_MODE = struct({ single: struct({}), all: struct({}) });
const COMPOSITE_POLICY = struct({ basic: struct({}), gang: struct({ minGroupCount: 'int32' }) });
const PRIORITY = { disruptionMode: DISRUPTION_MODE, priorityClassName: 'string', priority: 'int32', preemptionPolicy: 'string' } as const;
const WORKLOAD_REF = struct({ workloadName: 'string', templateName: 'string' });

const POD_GROUP_TEMPLATE = struct({
  name: 'string',
  schedulingPolicy: POLICY_SHAPE,
  schedulingConstraints: CONSTRAINTS_SHAPE,
  resourceClaims: list(CLAIM_SHAPE),
  ...PRIORITY,
});

function compositeTemplate(depth: number): Shape {
  const fields: Record<string, Shape> = {
    name: 'string',
    schedulingPolicy: COMPOSITE_POLICY,
    schedulingConstraints: CONSTRAINTS_SHAPE,
    ...PRIORITY,
    podGroupTemplates: list(POD_GROUP_TEMPLATE),
  };
  if (depth > 0) fields.compositePodGroupTemplates = list(compositeTemplate(depth - 1));
  return struct(fields);
}

export const WORKLOAD_SHAPE_1_37 = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    controllerRef: struct({ apiGroup: 'string', kind: 'string', name: 'string' }),
    podGroupTemplates: list(POD_GROUP_TEMPLATE),
    compositePodGroupTemplates: list(compositeTemplate(4)),
  }),
});

export const POD_GROUP_SHAPE_1_37 = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    parentCompositePodGroupName: 'string',
    workloadRef: WORKLOAD_REF,
    schedulingPolicy: POLICY_SHAPE,
    schedulingConstraints: CONSTRAINTS_SHAPE,
    resourceClaims: list(CLAIM_SHAPE),
    ...PRIORITY,
  }),
  status: struct({ conditions: CONDITIONS_SHAPE, resourceClaimStatuses: list(struct({ name: 'string', resourceClaimName: 'string' })) }),
});

export const COMPOSITE_POD_GROUP_SHAPE = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    parentCompositePodGroupName: 'string',
    workloadRef: WORKLOAD_REF,
    schedulingPolicy: COMPOSITE_POLICY,
    schedulingConstraints: CONSTRAINTS_SHAPE,
    ...PRIORITY,
  }),
  status: struct({ conditions: CONDITIONS_SHAPE }),
});
