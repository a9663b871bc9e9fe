// Every rule, per Kubernetes version, in evaluation order: pre-checks before the checks they can short-circuit.
import type { KubeVersion } from '@kubectl-workload/api';
import type { Rule } from './rule.js';
import { workloadRules } from './rules/workload/index.js';
import { podGroupRules } from './rules/podgroup/index.js';
import { podRules } from './rules/pod/index.js';
import { jobRules } from './rules/job/index.js';
import { crossRules } from './rules/cross/index.js';
import { adm10, rules137 } from './rules/v137/index.js';

const RULES_1_36_ONLY: readonly Rule[] = [...workloadRules, ...podGroupRules, ...podRules, ...jobRules, ...crossRules];

/** Kubernetes 1.36 (scheduling.k8s.io/v1alpha2); ADM-10 first refuses objects of the 1.37 versions. */
export const RULES_1_36: readonly Rule[] = [adm10, ...RULES_1_36_ONLY];
/** Kubernetes 1.37 (v1beta1 / v1alpha3): the 1.36 list with the delta of api-rules-1.37.md applied. */
export const RULES_1_37: readonly Rule[] = rules137(RULES_1_36_ONLY);

/** Every rule of either version once (a changed rule appears once per version, under the same id). */
export const ALL_RULES: readonly Rule[] = [...new Set([...RULES_1_36, ...RULES_1_37])];

export function rulesFor(version: KubeVersion): readonly Rule[] {
  return version === '1.37' ? RULES_1_37 : RULES_1_36;
}

/** The first rule of each id (SARIF and other catalogues list a rule id once, whatever version changed it). */
export const RULES_ONE_PER_ID: readonly Rule[] = ALL_RULES.filter((rule, i) => ALL_RULES.findIndex((other) => other.id === rule.id) === i);
