// Job `spec.scheduling` (api-rules-1.37.md §7.2, gate WorkloadWithJob): the Job controller builds the
// Job's Workload and PodGroup from it (JOB-06). JOB-23, JOB-24 and JOB-25 have no verified message
// upstream (api-rules-1.37.md §11): their texts are ours, each kept in one constant.

import { forbidden, invalid } from '@kubectl-workload/api';
import type { DisruptionMode137, FieldError, Job, PodGroupResourceClaim, PodGroupSchedulingConstraints } from '@kubectl-workload/api';
import { defineRule, type Operation, type Rule, type RuleContext, type Severity } from '../../rule.js';
import { isSet, validateClaimList, validateUnion } from '../../validation/index.js';
import { validateEachImmutable, validateNoSetNoUnset } from './fields-1-37.js';

export interface JobScheduling {
  schedulingPolicy?: { basic?: Record<string, never>; gang?: { minCount?: number } };
  schedulingConstraints?: PodGroupSchedulingConstraints;
  disruptionMode?: DisruptionMode137;
  resourceClaims?: PodGroupResourceClaim[];
}

export type Job137 = Job & { spec?: Job['spec'] & { scheduling?: JobScheduling } };

const PATH = 'spec.scheduling';
/** UNVERIFIED: upstream `validateGangMinCount`'s text was not read (api-rules-1.37.md §11). */
export const MIN_COUNT_ABOVE_PARALLELISM = (parallelism: number): string =>
  `must be less than or equal to spec.parallelism (${parallelism})`;

function jobRule(
  id: string,
  doc: string,
  operations: readonly Operation[],
  check: (ctx: RuleContext<Job137>) => FieldError[],
  severity: Severity = 'error',
): Rule {
  return defineRule<Job137>({
    id,
    doc,
    severity,
    style: 'field',
    kinds: ['Job'],
    operations,
    subResources: [''],
    readsGates: ['WorkloadWithJob'],
    check,
  });
}

/** UNVERIFIED: upstream `validateJobSchedulingUpdate`'s text was not read (JOB-23). */
export const POLICY_SWITCH = 'may not change between basic and gang after creation; only gang.minCount may change';
/** UNVERIFIED: the KEP-5547 rule (JOB-25) was not found in code; worded like M-DEPFORB. */
export const SCHEDULING_GROUP_WITH_SCHEDULING = 'may not be set when spec.scheduling is set';

/** JOB-20: with the gate off the strategy drops the field on create, so it is a warning, not a rejection. */
export const job20 = jobRule(
  'JOB-20',
  'spec.scheduling is dropped on create while WorkloadWithJob is off (the Job then gets no Workload from it).',
  ['CREATE'],
  ({ object, gates }) =>
    !gates.WorkloadWithJob && isSet(object.spec?.scheduling)
      ? [forbidden(PATH, 'will be dropped: the WorkloadWithJob feature gate is off')]
      : [],
  'warning',
);

/** JOB-21: NoSet/NoUnset on the whole block. */
export const job21 = jobRule(
  'JOB-21',
  'spec.scheduling cannot be added or removed after creation.',
  ['UPDATE'],
  ({ object, oldObject, gates }) =>
    gates.WorkloadWithJob ? validateNoSetNoUnset(PATH, oldObject?.spec?.scheduling, object.spec?.scheduling) : [],
);

/** JOB-22: minCount is optional here (unset means parallelism, resolved by the controller, JOB-06). */
export const job22 = jobRule(
  'JOB-22',
  'spec.scheduling.schedulingPolicy sets exactly one of basic, gang; a gang minCount, when set, is at least 1; the policy cannot be added or removed.',
  ['CREATE', 'UPDATE'],
  ({ operation, object, oldObject, gates }) => {
    const scheduling = object.spec?.scheduling;
    if (!gates.WorkloadWithJob || !isSet(scheduling)) return [];
    const path = `${PATH}.schedulingPolicy`;
    const policy = scheduling?.schedulingPolicy;
    if (operation === 'UPDATE') return validateNoSetNoUnset(path, oldObject?.spec?.scheduling?.schedulingPolicy, policy);
    if (!isSet(policy)) return [];
    const errs = validateUnion(path, [
      ['basic', policy?.basic],
      ['gang', policy?.gang],
    ]);
    const minCount = policy?.gang?.minCount;
    if (minCount !== undefined && minCount < 1) errs.push(invalid(`${path}.gang.minCount`, minCount, 'must be greater than or equal to 1'));
    return errs;
  },
);

/** JOB-23: the policy member is fixed once created (JOB-22 covers adding or removing the policy). */
export const job23 = jobRule(
  'JOB-23',
  'spec.scheduling.schedulingPolicy cannot switch between basic and gang after creation; only gang.minCount may change.',
  ['UPDATE'],
  ({ object, oldObject, gates }) => {
    const policy = object.spec?.scheduling?.schedulingPolicy;
    const old = oldObject?.spec?.scheduling?.schedulingPolicy;
    if (!gates.WorkloadWithJob || !isSet(policy) || !isSet(old)) return [];
    const member = (p: JobScheduling['schedulingPolicy']): string => (isSet(p?.gang) ? 'gang' : isSet(p?.basic) ? 'basic' : '');
    if (member(policy) === member(old)) return [];
    return [invalid(`${PATH}.schedulingPolicy`, member(policy), POLICY_SWITCH)];
  },
);

/** JOB-24: checked against the final state when both change. */
export const job24 = jobRule(
  'JOB-24',
  'A gang minCount in spec.scheduling is at most spec.parallelism.',
  ['CREATE', 'UPDATE'],
  ({ object, gates }) => {
    const minCount = object.spec?.scheduling?.schedulingPolicy?.gang?.minCount;
    const parallelism = object.spec?.parallelism ?? 1;
    if (!gates.WorkloadWithJob || minCount === undefined || minCount <= parallelism) return [];
    return [invalid(`${PATH}.schedulingPolicy.gang.minCount`, minCount, MIN_COUNT_ABOVE_PARALLELISM(parallelism))];
  },
);

/**
 * JOB-25: the Job controller builds the group itself, so a pod template that already names one (BYO,
 * JOB-02 manageNone) cannot also ask for it. Ratcheted: an update keeps an old object that had both.
 */
export const job25 = jobRule(
  'JOB-25',
  'spec.scheduling and spec.template.spec.schedulingGroup are not both set (an existing Job that had both may keep them).',
  ['CREATE', 'UPDATE'],
  ({ operation, object, oldObject, gates }) => {
    const both = (job: Job137 | undefined): boolean => isSet(job?.spec?.scheduling) && isSet(job?.spec?.template?.spec?.schedulingGroup);
    if (!gates.WorkloadWithJob || !both(object) || (operation === 'UPDATE' && both(oldObject))) return [];
    return [forbidden('spec.template.spec.schedulingGroup', SCHEDULING_GROUP_WITH_SCHEDULING)];
  },
);

/** JOB-26. */
export const job26 = jobRule(
  'JOB-26',
  'spec.scheduling: schedulingConstraints, disruptionMode and resourceClaims are immutable; at most 4 unique resource claims, each valid as a template claim (WL-21..23).',
  ['CREATE', 'UPDATE'],
  ({ operation, object, oldObject, gates }) => {
    const scheduling = object.spec?.scheduling;
    if (!gates.WorkloadWithJob || !isSet(scheduling)) return [];
    if (operation === 'UPDATE') {
      const old = oldObject?.spec?.scheduling;
      return isSet(old) ? validateEachImmutable(PATH, old, scheduling, ['schedulingConstraints', 'disruptionMode', 'resourceClaims']) : [];
    }
    return validateClaimList(`${PATH}.resourceClaims`, scheduling?.resourceClaims);
  },
);
