// The resource.k8s.io/v1 (DRA) kinds the plugin reads: what DynamicResources needs to explain a
// pending pod's claims. Kept apart so that the shared kind lists only spread them in.

import type { DeviceClass, ResourceClaim, ResourceClaimTemplate, ResourceSlice } from '@kubectl-workload/api';

export interface DraKindTypes {
  ResourceClaim: ResourceClaim;
  ResourceClaimTemplate: ResourceClaimTemplate;
  DeviceClass: DeviceClass;
  ResourceSlice: ResourceSlice;
}

export const DRA_KIND_NAMES = ['ResourceClaim', 'ResourceClaimTemplate', 'DeviceClass', 'ResourceSlice'] as const;

/** ClusterState fields of the DRA kinds. */
export interface DraState {
  resourceClaims: ResourceClaim[];
  resourceClaimTemplates: ResourceClaimTemplate[];
  deviceClasses: DeviceClass[];
  resourceSlices: ResourceSlice[];
}

/** Snapshot order: classes and slices (cluster-scoped), then templates and claims. */
export const DRA_STATE_KINDS = [
  ['DeviceClass', 'deviceClasses'],
  ['ResourceSlice', 'resourceSlices'],
  ['ResourceClaimTemplate', 'resourceClaimTemplates'],
  ['ResourceClaim', 'resourceClaims'],
] as const;

export function emptyDraState(): DraState {
  return { resourceClaims: [], resourceClaimTemplates: [], deviceClasses: [], resourceSlices: [] };
}
