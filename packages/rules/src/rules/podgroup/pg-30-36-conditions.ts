import { duplicate, invalid, notSupported, required } from '@kubectl-workload/api';
import { byteLength, tooLongBytes, validateConditionReason, validateLabelKey } from '../../validation/index.js';
import { defineConditionRule } from './status-rule.js';

const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const CONDITION_MESSAGE_MAX_LENGTH = 32768;

/** PG-30: the bad value is the repeated type string. */
export const pg30 = defineConditionRule('PG-30', 'status.conditions types are unique.', (path, c, i, all) =>
  all.slice(0, i).some((earlier) => (earlier.type ?? '') === (c.type ?? '')) ? [duplicate(`${path}.type`, c.type ?? '')] : [],
);

/** PG-31: metav1 ValidateLabelName; in v0.36 IsQualifiedName is the label-key check, texts included. */
export const pg31 = defineConditionRule('PG-31', 'A condition type is a qualified name.', (path, c) =>
  validateLabelKey(`${path}.type`, c.type ?? ''),
);

/** PG-32. */
export const pg32 = defineConditionRule('PG-32', 'A condition status is True, False or Unknown.', (path, c) =>
  CONDITION_STATUSES.includes(c.status ?? '') ? [] : [notSupported(`${path}.status`, c.status ?? '', CONDITION_STATUSES)],
);

/** PG-33. */
export const pg33 = defineConditionRule('PG-33', 'A condition observedGeneration is not negative.', (path, c) =>
  (c.observedGeneration ?? 0) < 0
    ? [invalid(`${path}.observedGeneration`, c.observedGeneration, 'must be greater than or equal to zero')]
    : [],
);

/** PG-34 (older apimachinery said `Required value: must be set`; v0.36.3 has no detail). */
export const pg34 = defineConditionRule('PG-34', 'A condition needs lastTransitionTime.', (path, c) =>
  c.lastTransitionTime ? [] : [required(`${path}.lastTransitionTime`)],
);

/** PG-35. */
export const pg35 = defineConditionRule('PG-35', 'A condition reason is required, CamelCase-like and at most 1024 bytes.', (path, c) =>
  validateConditionReason(`${path}.reason`, c.reason),
);

/** PG-36. */
export const pg36 = defineConditionRule('PG-36', 'A condition message is at most 32768 bytes.', (path, c) =>
  byteLength(c.message ?? '') > CONDITION_MESSAGE_MAX_LENGTH ? [tooLongBytes(`${path}.message`, CONDITION_MESSAGE_MAX_LENGTH)] : [],
);
