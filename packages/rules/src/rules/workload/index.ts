// Workload rules in the order the API server reports (hand-written errors first, then the generated
// declarative ones, zz_generated.validations.go @ 008b3652): metadata, then the spec in declaration
// order. Each field's pre-checks come first in generated order (immutable, maxItems, required),
// then list uniqueness, then each template field by field.
import type { Rule } from '../../rule.js';
import { wl00 } from './wl-00-decode.js';
import { wl01, wl02, wl03 } from './wl-01-03-metadata.js';
import { wl04 } from './wl-04-templates-required.js';
import { wl05, wl06 } from './wl-05-06-template-list.js';
import { wl07, wl08 } from './wl-07-08-template-name.js';
import { wl09, wl10, wl11 } from './wl-09-11-scheduling-policy.js';
import { wl13, wl14, wl15 } from './wl-13-15-controller-ref.js';
import { wl16, wl17, wl18 } from './wl-16-18-scheduling-constraints.js';
import { wl19, wl20, wl21, wl22, wl23 } from './wl-19-23-resource-claims.js';
import { wl24 } from './wl-24-claims-dropped.js';
import { wl25, wl26, wl27 } from './wl-25-27-preemption-fields.js';
import { wl28, wl29 } from './wl-28-29-immutable.js';

export const workloadRules: readonly Rule[] = [
  wl00,
  wl01,
  wl02,
  wl03,
  wl28,
  wl13,
  wl14,
  wl15,
  wl29,
  wl05,
  wl04,
  wl06,
  wl07,
  wl08,
  wl09,
  wl10,
  wl11,
  wl16,
  wl17,
  wl18,
  wl19,
  wl20,
  wl22,
  wl21,
  wl23,
  wl24,
  wl25,
  wl26,
  wl27,
];
