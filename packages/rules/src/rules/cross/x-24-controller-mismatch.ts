import { goQuote, invalid, namespaceOf, splitApiVersion } from '@kubectl-workload/api';
import type { CompositePodGroup, KubeObject, ObjectLookup, OwnerReference, PodGroup, PodGroup137, Workload } from '@kubectl-workload/api';
import { controllerRefOf } from '../../job/ownership.js';
import { defineRule } from '../../rule.js';
import type { RuleResult } from '../../rule.js';
import { resolveTemplateRef } from '../../template/ref.js';

const ownerText = (kind: string, group: string, name: string): string => `${group ? `${kind}.${group}` : kind} ${goQuote(name)}`;

type ControllerRef = NonNullable<NonNullable<Workload['spec']>['controllerRef']>;

const sameOwner = (owner: OwnerReference, wanted: ControllerRef): boolean =>
  owner.kind === wanted.kind && owner.name === wanted.name && splitApiVersion(owner.apiVersion).group === (wanted.apiGroup ?? '');

/**
 * JOB-28 (1.37): a Job that a higher-level controller owns and that carries the template annotation
 * makes its PodGroup from that controller's Workload; the PodGroup's controller is the Job itself.
 */
async function delegatedJob(group: KubeObject, owner: OwnerReference, wanted: ControllerRef, lookup: ObjectLookup): Promise<boolean> {
  if (owner.kind !== 'Job' || splitApiVersion(owner.apiVersion).group !== 'batch') return false;
  const job = await lookup.getJob(namespaceOf(group), owner.name);
  const jobOwner = job && controllerRefOf(job);
  return jobOwner !== undefined && sameOwner(jobOwner, wanted);
}

interface Reference {
  /** Where the group names its Workload, and what it wrote there. */
  field: string;
  value: object | undefined;
  workloadName: string;
  workload: Workload | undefined;
  /** 1.37: a Job the Workload's owner controls may be the group's controller (JOB-28). */
  delegatedJobs: boolean;
}

/** The warning on the reference when the group's controller is not the owner its Workload names. */
async function mismatch(group: KubeObject, ref: Reference, lookup: ObjectLookup): Promise<RuleResult[]> {
  const { workloadName, workload } = ref;
  const owner = controllerRefOf(group);
  const wanted = workload?.spec?.controllerRef;
  if (!owner || !wanted?.kind || !wanted.name || sameOwner(owner, wanted)) return [];
  if (ref.delegatedJobs && (await delegatedJob(group, owner, wanted, lookup))) return [];
  return [
    invalid(
      ref.field,
      { ...ref.value },
      `Workload ${goQuote(workloadName)} belongs to ${ownerText(wanted.kind, wanted.apiGroup ?? '', wanted.name)} (spec.controllerRef), but this ${group.kind ?? ''}'s controller is ${ownerText(owner.kind, splitApiVersion(owner.apiVersion).group, owner.name)}`,
    ),
  ];
}

/**
 * X-24 [PROPOSAL]: a template-backed PodGroup's controller is the owner its Workload names in
 * spec.controllerRef (same group, kind and name).
 */
export const x24 = defineRule<PodGroup>({
  id: 'X-24',
  doc: "A PodGroup's controller matches its Workload's spec.controllerRef.",
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    if (!controllerRefOf(object)) return [];
    const resolved = await resolveTemplateRef(object, lookup);
    if (!resolved) return [];
    const { ref, workload } = resolved;
    const field = 'spec.podGroupTemplateRef';
    return mismatch(
      object,
      { field, value: object.spec?.podGroupTemplateRef, workloadName: ref.workloadName, workload, delegatedJobs: false },
      lookup,
    );
  },
});

/**
 * X-24 under 1.37: the reference is spec.workloadRef, CompositePodGroups have one too, and a Job the
 * Workload's owner controls may control the group (JOB-28, delegated Jobs).
 */
export const x24v137 = defineRule<PodGroup137 | CompositePodGroup>({
  id: 'X-24',
  doc: "A PodGroup's or CompositePodGroup's controller is its Workload's spec.controllerRef, or a Job that owner controls (JOB-28).",
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup', 'CompositePodGroup'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const ref = object.spec?.workloadRef;
    if (!controllerRefOf(object) || !ref?.workloadName) return [];
    const workload = await lookup.getWorkload(namespaceOf(object), ref.workloadName);
    return mismatch(
      object,
      { field: 'spec.workloadRef', value: ref, workloadName: ref.workloadName, workload, delegatedJobs: true },
      lookup,
    );
  },
});
