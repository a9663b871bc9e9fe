import type { Rule } from '../../rule.js';
import { job14 } from './job-14-parallelism-lock.js';

export const jobRules: readonly Rule[] = [job14];
