// PodGroup rules in the order the API server reports: metadata (hand-written), then each spec field
// in declaration order (its immutability pre-check, then its content), then /status: the
// hand-written condition and claim-status checks before the declarative ones.
import type { Rule } from '../../rule.js';
import { pg00 } from './pg-00-decode.js';
import { pg01, pg02, pg20 } from './pg-01-02-20-metadata.js';
import { pg04, pg05, pg06 } from './pg-04-06-template-ref.js';
import { pg07, pg08 } from './pg-07-08-scheduling-policy.js';
import { pg09, pg10 } from './pg-09-10-constraints-claims.js';
import { pg11, pg12, pg13 } from './pg-11-13-preemption-fields.js';
import { pg21, pg22, pg23, pg24, pg25, pg26, pg27 } from './pg-21-27-immutable.js';
import { pg30, pg31, pg32, pg33, pg34, pg35, pg36 } from './pg-30-36-conditions.js';
import { pg37, pg38, pg39, pg40 } from './pg-37-40-claim-statuses.js';

export const podGroupRules: readonly Rule[] = [
  pg00,
  pg01,
  pg02,
  pg20,
  pg21,
  pg04,
  pg05,
  pg06,
  pg22,
  pg07,
  pg08,
  pg23,
  pg09,
  pg24,
  pg10,
  pg25,
  pg11,
  pg26,
  pg12,
  pg27,
  pg13,
  pg30,
  pg31,
  pg32,
  pg33,
  pg34,
  pg35,
  pg36,
  pg39,
  pg37,
  pg38,
  pg40,
];
