// Core validation of `spec.schedulingGroup` (api-rules POD-02/03), shared by Pods and pod templates
// (POD-06). UNVERIFIED (api-rules §9): the v1.36 core validation.go was not readable, so the error
// types and texts below are the most plausible ones and live only here:
//   - a missing podGroupName (nil pointer) → `Required value`, no detail (POD-02);
//   - a present one is a DNS-1123 subdomain checked with util/validation → M-META-SUB texts (POD-03),
//     so an empty string (a non-nil pointer) fails the pattern rather than being "required".

import { required } from '@kubectl-workload/api';
import type { FieldError, KnownKind, PodSpec } from '@kubectl-workload/api';
import { podSpecsOf } from '../../pod-specs.js';
import { defineRule } from '../../rule.js';
import type { Rule } from '../../rule.js';
import { isSet, validateDnsSubdomainName } from '../../validation/index.js';

const groupNamePath = (specPath: string): string => `${specPath}.schedulingGroup.podGroupName`;

/** POD-02: a present `schedulingGroup` must name its PodGroup (the one-member union needs its member). */
export function podGroupNameRequired(specPath: string, spec: PodSpec): FieldError[] {
  const group = spec.schedulingGroup;
  return isSet(group) && !isSet(group?.podGroupName) ? [required(groupNamePath(specPath))] : [];
}

/** POD-03: a set `podGroupName` must be a DNS-1123 subdomain. */
export function podGroupNameFormat(specPath: string, spec: PodSpec): FieldError[] {
  const name = spec.schedulingGroup?.podGroupName;
  return typeof name === 'string' ? validateDnsSubdomainName(groupNamePath(specPath), name) : [];
}

type PodSpecCheck = (specPath: string, spec: PodSpec) => FieldError[];

/** A GenericWorkload-gated rule running `checks` on every PodSpec of the given kinds, on create and update. */
export function schedulingGroupRule(id: string, doc: string, kinds: readonly KnownKind[], checks: readonly PodSpecCheck[]): Rule {
  return defineRule({
    id,
    doc,
    severity: 'error',
    style: 'field',
    kinds,
    operations: ['CREATE', 'UPDATE'],
    subResources: [''],
    gates: ['GenericWorkload'],
    check: ({ object }) => podSpecsOf(object).flatMap(({ path, spec }) => checks.flatMap((check) => check(path, spec))),
  });
}
