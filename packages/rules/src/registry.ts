// Every rule, in evaluation order: pre-checks before the checks they can short-circuit.
import type { Rule } from './rule.js';
import { workloadRules } from './rules/workload/index.js';
import { podGroupRules } from './rules/podgroup/index.js';
import { podRules } from './rules/pod/index.js';
import { jobRules } from './rules/job/index.js';
import { crossRules } from './rules/cross/index.js';

export const ALL_RULES: readonly Rule[] = [...workloadRules, ...podGroupRules, ...podRules, ...jobRules, ...crossRules];
