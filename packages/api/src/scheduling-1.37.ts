// scheduling.k8s.io as Kubernetes 1.37 serves it (api-rules-1.37.md §0.1, §3): Workload and PodGroup in
// v1beta1 and v1alpha3 (field-for-field the same), CompositePodGroup in v1alpha3 only. v1alpha2 is gone
// and there is no conversion (MIG-01), so these are separate types, not a version of the 1.36 ones.

import type {
  Condition,
  KubeObject,
  PodGroupResourceClaim,
  PodGroupSchedulingConstraints,
  PodGroupSchedulingPolicy,
  TypedLocalObjectReference,
} from './types.js';
import { POD_GROUP_SCHEDULED, SCHEDULING_GROUP } from './types.js';

export const SCHEDULING_V1BETA1 = `${SCHEDULING_GROUP}/v1beta1`;
export const SCHEDULING_V1ALPHA3 = `${SCHEDULING_GROUP}/v1alpha3`;
/** The 1.37 API versions of Workload and PodGroup; CompositePodGroup is served by v1alpha3 only (ADM-10). */
export const SCHEDULING_1_37_API_VERSIONS = [SCHEDULING_V1BETA1, SCHEDULING_V1ALPHA3] as const;
export type Scheduling137ApiVersion = (typeof SCHEDULING_1_37_API_VERSIONS)[number];

/** The one-of that replaced the 1.36 `Pod` / `PodGroup` strings: exactly one member is set. */
export interface DisruptionMode137 {
  single?: Record<string, never>;
  all?: Record<string, never>;
}

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

/** 1.36 disruptionMode value → its 1.37 union member (api-rules-1.37.md §10.2). */
export const DISRUPTION_MODE_1_37: Readonly<Record<string, keyof DisruptionMode137>> = { Pod: 'single', PodGroup: 'all' };

export interface PodGroupPolicyFields137 {
  schedulingPolicy?: PodGroupSchedulingPolicy;
  schedulingConstraints?: PodGroupSchedulingConstraints;
  resourceClaims?: PodGroupResourceClaim[];
  disruptionMode?: DisruptionMode137;
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: PreemptionPolicy | string;
}

export interface PodGroupTemplate137 extends PodGroupPolicyFields137 {
  name?: string;
}

export interface CompositePodGroupTemplate extends Omit<PodGroupPolicyFields137, 'schedulingPolicy' | 'resourceClaims'> {
  name?: string;
  schedulingPolicy?: CompositePodGroupSchedulingPolicy;
  podGroupTemplates?: PodGroupTemplate137[];
  compositePodGroupTemplates?: CompositePodGroupTemplate[];
}

export interface WorkloadSpec137 {
  controllerRef?: TypedLocalObjectReference;
  podGroupTemplates?: PodGroupTemplate137[];
  compositePodGroupTemplates?: CompositePodGroupTemplate[];
}

export interface Workload137 extends KubeObject {
  spec?: WorkloadSpec137;
}

/** PodGroup and CompositePodGroup name their Workload template flat, as `workloadRef` (was podGroupTemplateRef.workload). */
export interface WorkloadRef {
  workloadName?: string;
  templateName?: string;
}

export interface PodGroupSpec137 extends PodGroupPolicyFields137 {
  workloadRef?: WorkloadRef;
  parentCompositePodGroupName?: string;
}

export interface PodGroup137 extends KubeObject {
  spec?: PodGroupSpec137;
  status?: { conditions?: Condition[] };
}

/** A CompositePodGroup's policy: basic, or a gang over child groups (CPG-05). */
export interface CompositePodGroupSchedulingPolicy {
  basic?: Record<string, never>;
  gang?: { minGroupCount?: number };
}

/** scheduling.k8s.io/v1alpha3 CompositePodGroup (api-rules-1.37.md §6): a node of a group hierarchy; no parent = a root. */
export interface CompositePodGroupSpec extends Omit<PodGroupPolicyFields137, 'schedulingPolicy' | 'resourceClaims'> {
  workloadRef?: WorkloadRef;
  parentCompositePodGroupName?: string;
  schedulingPolicy?: CompositePodGroupSchedulingPolicy;
}

export interface CompositePodGroup extends KubeObject {
  spec?: CompositePodGroupSpec;
  status?: { conditions?: Condition[] };
}

/** The 1.36 `PodGroupScheduled` condition under its 1.37 name, and the composite one. */
export const POD_GROUP_INITIALLY_SCHEDULED = 'PodGroupInitiallyScheduled';
export const COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED = 'CompositePodGroupInitiallyScheduled';

export function isScheduling137(apiVersion: string | undefined): apiVersion is Scheduling137ApiVersion {
  return (SCHEDULING_1_37_API_VERSIONS as readonly (string | undefined)[]).includes(apiVersion);
}

/**
 * The condition the scheduler writes on a group once it tried to schedule it: `PodGroupScheduled` on
 * a v1alpha2 PodGroup, `PodGroupInitiallyScheduled` on a 1.37 one (PG-41), and
 * `CompositePodGroupInitiallyScheduled` on a CompositePodGroup (CPG-12).
 */
export function scheduledConditionType(group: KubeObject): string {
  if (group.kind === 'CompositePodGroup') return COMPOSITE_POD_GROUP_INITIALLY_SCHEDULED;
  return isScheduling137(group.apiVersion) ? POD_GROUP_INITIALLY_SCHEDULED : POD_GROUP_SCHEDULED;
}

/** The group's scheduling condition (scheduledConditionType), if the scheduler wrote one. */
export function scheduledConditionOf(group: KubeObject & { status?: { conditions?: Condition[] } }): Condition | undefined {
  const type = scheduledConditionType(group);
  return group.status?.conditions?.find((c) => c.type === type);
}

/**
 * A disruptionMode as one word: the 1.36 string as written (`Pod`, `PodGroup`), or the member
 * set in the 1.37 union (`single`, `all`); undefined when unset.
 */
export function disruptionModeName(mode: string | DisruptionMode137 | undefined | null): string | undefined {
  if (mode === undefined || mode === null) return undefined;
  if (typeof mode === 'string') return mode;
  return Object.keys(mode).join(',') || undefined;
}
