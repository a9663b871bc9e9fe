// JSON shapes of the v1alpha2 Workload and PodGroup fields our rules read. Lint hands evaluate()
// raw manifests; the API server would refuse to decode a value of the wrong JSON type (400
// BadRequest, a Go `json: cannot unmarshal …` message) before any validation, so the decode rules
// (WL-00, PG-00) report such values and every other Workload/PodGroup rule skips the object.

import { invalid } from '@kubectl-workload/api';
import type { BadValue, FieldError } from '@kubectl-workload/api';

export type Shape = 'string' | 'int32' | 'int64' | { readonly fields: Readonly<Record<string, Shape>> } | { readonly items: Shape };

export const struct = (fields: Record<string, Shape>): Shape => ({ fields });
export const list = (items: Shape): Shape => ({ items });

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const OBJECT_META_SHAPE = struct({ name: 'string', generateName: 'string', namespace: 'string' });

/** metav1.Condition, as PodGroup (and in 1.37 CompositePodGroup) status holds it. */
export const CONDITIONS_SHAPE = list(
  struct({
    type: 'string',
    status: 'string',
    observedGeneration: 'int64',
    lastTransitionTime: 'string',
    reason: 'string',
    message: 'string',
  }),
);
export const POLICY_SHAPE = struct({ basic: struct({}), gang: struct({ minCount: 'int32' }) });
export const CONSTRAINTS_SHAPE = struct({ topology: list(struct({ key: 'string' })) });
export const CLAIM_SHAPE = struct({ name: 'string', resourceClaimName: 'string', resourceClaimTemplateName: 'string' });
const PREEMPTION = { disruptionMode: 'string', priorityClassName: 'string', priority: 'int32' } as const;

export const WORKLOAD_SHAPE = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    controllerRef: struct({ apiGroup: 'string', kind: 'string', name: 'string' }),
    podGroupTemplates: list(
      struct({
        name: 'string',
        schedulingPolicy: POLICY_SHAPE,
        schedulingConstraints: CONSTRAINTS_SHAPE,
        resourceClaims: list(CLAIM_SHAPE),
        ...PREEMPTION,
      }),
    ),
  }),
});

export const POD_GROUP_SHAPE = struct({
  metadata: OBJECT_META_SHAPE,
  spec: struct({
    podGroupTemplateRef: struct({ workload: struct({ workloadName: 'string', podGroupTemplateName: 'string' }) }),
    schedulingPolicy: POLICY_SHAPE,
    schedulingConstraints: CONSTRAINTS_SHAPE,
    resourceClaims: list(CLAIM_SHAPE),
    ...PREEMPTION,
  }),
  status: struct({
    conditions: CONDITIONS_SHAPE,
    resourceClaimStatuses: list(struct({ name: 'string', resourceClaimName: 'string' })),
  }),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `must be …` for every value below `path` whose JSON type does not fit `shape`. A null field is
 * unset (Go decodes it so); a null list item is reported (Go would make it an empty item, which is
 * never what the author meant).
 */
export function validateShape(path: string, value: unknown, shape: Shape, isItem = false): FieldError[] {
  const errors: FieldError[] = [];
  addShapeErrors(errors, path, value, shape, isItem);
  return errors;
}

/** What `value` must be to fit `shape` itself (`a string`, `a list`, …), or undefined when it does. */
function mismatch(value: unknown, shape: Shape): string | undefined {
  if (shape === 'string') return typeof value === 'string' ? undefined : 'a string';
  if (shape === 'int64') return Number.isInteger(value) ? undefined : 'an integer';
  if (shape === 'int32')
    return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX ? undefined : 'a 32-bit integer';
  if ('items' in shape) return Array.isArray(value) ? undefined : 'a list';
  return isRecord(value) ? undefined : 'an object';
}

// Runs on every Workload and PodGroup lint reads: one list for all errors, no closure or entries
// array per node, and no path built for a field the object does not set.
function addShapeErrors(errors: FieldError[], path: string, value: unknown, shape: Shape, isItem: boolean): void {
  if ((value === null && !isItem) || value === undefined) return;
  const expected = mismatch(value, shape);
  if (expected !== undefined) {
    errors.push(invalid(path, value as BadValue, `must be ${expected}`));
  } else if (typeof shape !== 'string' && 'items' in shape) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) addShapeErrors(errors, `${path}[${i}]`, items[i], shape.items, true);
  } else if (typeof shape !== 'string') {
    const record = value as Record<string, unknown>;
    for (const name in shape.fields) {
      const field = record[name];
      if (field !== undefined && field !== null)
        addShapeErrors(errors, path ? `${path}.${name}` : name, field, shape.fields[name] as Shape, false);
    }
  }
}

/** A list field read from a possibly malformed object (an old object is not decode-checked). */
export function listOf<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}
