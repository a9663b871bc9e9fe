// POD-10 (api-rules-1.37.md §7.1): PodGroupProtection's new validating half (ADM-11) refuses a Pod
// created into a PodGroup that is being deleted. A missing PodGroup is allowed (POD-05 still holds).
// POD-11: eviction responders and a PodGroup do not mix.

import { forbidden, goQuote } from '@kubectl-workload/api';
import type { PodSpec } from '@kubectl-workload/api';
import { POD_TEMPLATE_KINDS, podSpecsOf } from '../../pod-specs.js';
import { defineRule } from '../../rule.js';
import { podGroupRefRule } from '../cross/pod-group-refs.js';

export const pod10 = podGroupRefRule({
  id: 'POD-10',
  doc: 'A Pod cannot be created into a PodGroup that is being deleted (PodGroupProtection).',
  severity: 'error',
  style: 'admission',
  kinds: ['Pod'],
  operations: ['CREATE'],
  gates: ['GenericWorkload'],
  check: ({ path, podGroupName, podGroup }) =>
    podGroup?.metadata?.deletionTimestamp
      ? [
          {
            field: `${path}.schedulingGroup.podGroupName`,
            message: `cannot create Pod referencing PodGroup ${goQuote(podGroupName)} because it is being deleted`,
          },
        ]
      : [],
});

/** Both fields of POD-11 set on one PodSpec (an empty responder list is not set, as on the wire). */
const combinesResponders = (spec: PodSpec | undefined): boolean =>
  (spec?.evictionResponders?.length ?? 0) > 0 && spec?.schedulingGroup !== undefined && spec.schedulingGroup !== null;

/**
 * POD-11: upstream declares this as an *alpha* `dependentForbidden` (M-DEPFORB), which 1.37 runs in
 * shadow mode: the API server logs it but does not reject. Whether hand-written core validation
 * enforces it is UNVERIFIED; we know only the field doc ("not supported when the pod is part of a
 * PodGroup"). So this is a warning with the upstream text, kept to this one rule: make it an error
 * here if 1.37.0 turns out to enforce it. The EvictionRequestAPI gate (which keeps the field) is not
 * modelled; a responder list the API server would drop still says what the manifest means to do.
 * On UPDATE a PodSpec that already combined both is ratcheted, as declarative validation does.
 */
export const pod11 = defineRule({
  id: 'POD-11',
  doc: 'A PodSpec with spec.evictionResponders does not set schedulingGroup (alpha in 1.37: the API server only logs it; a warning here).',
  severity: 'warning',
  style: 'field',
  kinds: ['Pod', ...POD_TEMPLATE_KINDS],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  check: ({ object, oldObject }) => {
    const old = oldObject ? podSpecsOf(oldObject) : [];
    return podSpecsOf(object)
      .filter(({ path, spec }) => combinesResponders(spec) && !combinesResponders(old.find((o) => o.path === path)?.spec))
      .map(({ path }) => forbidden(`${path}.schedulingGroup`, 'may not be set when evictionResponders is set'));
  },
});
