import { validateGangMinCountMinimum, validateGangMinCountRequired, validateSchedulingPolicyUnion } from '../../validation/index.js';
import { defineSpecCreateRule } from './spec-rule.js';

const PATH = 'spec.schedulingPolicy';

/** PG-07. */
export const pg07 = defineSpecCreateRule({
  id: 'PG-07',
  doc: 'spec.schedulingPolicy sets exactly one of basic, gang.',
  check: (spec) => validateSchedulingPolicyUnion(PATH, spec.schedulingPolicy),
});

/** PG-08: 0 is missing (Required), a negative count is below the minimum of 1. */
export const pg08 = defineSpecCreateRule({
  id: 'PG-08',
  doc: 'A gang policy needs minCount of at least 1 (0 counts as missing).',
  check: (spec) => [
    ...validateGangMinCountRequired(PATH, spec.schedulingPolicy),
    ...validateGangMinCountMinimum(PATH, spec.schedulingPolicy),
  ],
});
