// The Kubernetes 1.37 rule list, written as its delta on the 1.36 one (as api-rules-1.37.md is):
// rules that carry over keep their place and object, changed ones are replaced where they stood,
// retired ones are dropped, and new ones follow the rule they are reported after.

import type { Rule } from '../../rule.js';
import { cpg00, cpg01, cpg02, cpg02Update, cpg03, cpg04, cpg05, cpg07, cpg08, cpg09, cpg10, cpgImmutable } from './composite-1-37.js';
import { x31, x33, x35, x36 } from './cross-1-37.js';
import { adm11, adm12, cpg13, x30, x32, x34 } from './hierarchy-1-37.js';
import { job20, job21, job22, job23, job24, job25, job26 } from './job-1-37.js';
import { pod10, pod11 } from './pod-1-37.js';
import {
  pg00v137,
  pg05v137,
  pg06v137,
  pg11v137,
  pg12v137,
  pg13v137,
  pg21v137,
  pg22v137,
  pg25v137,
  pg26v137,
  pg27v137,
  pg60,
  pg61,
  pg63,
  pg64,
} from './podgroup-1-37.js';
import { mig01 } from './served-1-37.js';
import { x10v137, x13v137, x14v137 } from './template-consistency-1-37.js';
import { x06v137 } from '../cross/x-06-priority-admission.js';
import { x17v137 } from '../cross/x-17-pod-priority.js';
import { x22v137 } from '../cross/x-22-dangling-template-ref.js';
import { x20v137 } from '../cross/x-20-job-gang-preview.js';
import { x23v137 } from '../cross/x-23-job-name-length.js';
import { x24v137 } from '../cross/x-24-controller-mismatch.js';
import {
  wl00v137,
  wl04v137,
  wl25v137,
  wl26v137,
  wl27v137,
  wl29v137,
  wl32,
  wl33,
  wl34,
  wl34Update,
  wl35,
  wl36,
  wl37,
  wl38,
} from './workload-1-37.js';

export { adm10 } from './served-1-37.js';

/** 1.36 rule id → the 1.37 rules standing in its place (the 1.37 variant first, then new rules reported after it). */
const REPLACED: ReadonlyMap<string, readonly Rule[]> = new Map([
  ['WL-00', [mig01, wl00v137]],
  ['WL-04', [wl04v137]],
  ['WL-27', [wl27v137, wl32, wl33, wl34, wl34Update, wl35, wl36, wl37, wl38, x35]],
  ['WL-25', [wl25v137]],
  ['WL-26', [wl26v137]],
  ['WL-29', [wl29v137]],
  ['PG-00', [pg00v137]],
  ['PG-21', [pg63, pg60, pg21v137]],
  ['PG-05', [pg05v137]],
  ['PG-06', [pg06v137]],
  ['PG-22', [pg22v137]],
  ['PG-25', [pg25v137]],
  ['PG-11', [pg11v137]],
  ['PG-26', [pg26v137]],
  ['PG-12', [pg12v137]],
  ['PG-27', [pg27v137]],
  ['PG-13', [pg13v137, pg64, pg61]],
  ['JOB-14', [job20, job21, job22, job23, job24, job25, job26]],
  ['X-06', [x06v137]],
  ['X-10', [x10v137]],
  ['X-13', [x13v137]],
  ['X-14', [x14v137]],
  ['X-17', [x17v137]],
  ['X-22', [x22v137]],
  ['X-20', [x20v137]],
  ['X-23', [x23v137]],
  ['X-24', [x24v137]],
]);

/**
 * Gone in 1.37: PG-04 (no union wrapper), JOB-14 and X-05 (parallelism lock), the PodGroupWorkloadExists
 * admission (X-01..03, ADM-14; X-22's 1.37 form warns instead). X-20 and X-23 carry over with the
 * 1.37 Job controller's management mode in place of the retired gang qualification (JOB-02).
 */
const DROPPED: ReadonlySet<string> = new Set(['PG-04', 'X-01', 'X-02', 'X-03']);

/** New in 1.37 with no 1.36 rule to stand beside: CompositePodGroup, POD-10 and our hierarchy checks. */
const ADDED: readonly Rule[] = [
  cpg00,
  cpg01,
  cpg02,
  cpg02Update,
  cpg03,
  cpg04,
  cpg05,
  cpg07,
  cpg08,
  cpg09,
  cpg10,
  ...cpgImmutable,
  pod10,
  pod11,
  adm11,
  adm12,
  cpg13,
  x30,
  x31,
  x32,
  x33,
  x34,
  x36,
];

export function rules137(rules136: readonly Rule[]): Rule[] {
  const out = rules136.flatMap((rule) => (DROPPED.has(rule.id) ? [] : (REPLACED.get(rule.id) ?? [rule])));
  return [...out, ...ADDED];
}
