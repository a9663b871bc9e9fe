// JSON shapes of the 1.37 Workload, PodGroup and CompositePodGroup (api-rules-1.37.md §4–§6), for the
// decode rules: disruptionMode is an object now, and composite templates nest (at most 4 deep is
// validated by WL-37; the shape follows one level further so a too-deep tree still decodes).

import { OBJECT_META_SHAPE, type Shape } from '../../validation/index.js';

const struct = (fields: Record<string, Shape>): Shape => ({ fields });
const list = (items: Shape): Shape => ({ items });

const DISRUPTION_MODE = struct({ single: struct({}), all: struct({}) });
const POLICY = struct({ basic: struct({}), gang: struct({ minCount: 'int32' }) });
const COMPOSITE_POLICY = struct({ basic: struct({}), gang: struct({ minGroupCount: 'int32' }) });
const CONSTRAINTS = struct({ topology: list(struct({ key: 'string' })) });
const CLAIM = struct({ name: 'string', resourceClaimName: 'string', resourceClaimTemplateName: 'string' });
const PRIORITY = { disruptionMode: DISRUPTION_MODE, priorityClassName: 'string', priority: 'int32', preemptionPolicy: 'string' } as const;
const WORKLOAD_REF = struct({ workloadName: 'string', templateName: 'string' });
const CONDITIONS = list(
  struct({
    type: 'string',
    status: 'string',
    observedGeneration: 'int64',
    lastTransitionTime: 'string',
    reason: 'string',
    message: 'string',
  }),
);

const POD_GROUP_TEMPLATE = struct({
  name: 'string',
  schedulingPolicy: POLICY,
  schedulingConstraints: CONSTRAINTS,
  resourceClaims: list(CLAIM),
  ...PRIORITY,
});

function compositeTemplate(depth: number): Shape {
  const fields: Record<string, Shape> = {
    name: 'string',
    schedulingPolicy: COMPOSITE_POLICY,
    schedulingConstraints: CONSTRAINTS,
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
    schedulingPolicy: POLICY,
    schedulingConstraints: CONSTRAINTS,
    resourceClaims: list(CLAIM),
    ...PRIORITY,
  }),
  status: struct({ conditions: CONDITIONS, resourceClaimStatuses: list(struct({ name: 'string', resourceClaimName: 'string' })) }),
});

export const COMPOSITE_POD_GROUP_SHAPE = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    parentCompositePodGroupName: 'string',
    workloadRef: WORKLOAD_REF,
    schedulingPolicy: COMPOSITE_POLICY,
    schedulingConstraints: CONSTRAINTS,
    ...PRIORITY,
  }),
  status: struct({ conditions: CONDITIONS }),
});
