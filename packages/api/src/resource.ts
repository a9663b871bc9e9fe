// resource.k8s.io/v1 (Dynamic Resource Allocation, GA since 1.34): the fields the simulator and the
// cluster client read. Field names as in k8s.io/api/resource/v1/types.go.

import type { KubeObject, NodeSelector, ObjectMeta } from './types.js';

export interface CELDeviceSelector {
  expression?: string;
}

export interface DeviceSelector {
  cel?: CELDeviceSelector;
}

export interface ExactDeviceRequest {
  deviceClassName?: string;
  selectors?: DeviceSelector[];
  /** `ExactCount` (default) or `All`. */
  allocationMode?: 'ExactCount' | 'All' | string;
  count?: number;
  adminAccess?: boolean;
  tolerations?: unknown[];
  capacity?: unknown;
}

export interface DeviceRequest {
  name?: string;
  exactly?: ExactDeviceRequest;
  firstAvailable?: (ExactDeviceRequest & { name?: string })[];
}

export interface DeviceConstraint {
  requests?: string[];
  matchAttribute?: string;
  distinctAttribute?: string;
}

export interface DeviceClaim {
  requests?: DeviceRequest[];
  constraints?: DeviceConstraint[];
  config?: unknown[];
}

export interface ResourceClaimSpec {
  devices?: DeviceClaim;
}

export interface DeviceRequestAllocationResult {
  request?: string;
  driver?: string;
  pool?: string;
  device?: string;
  adminAccess?: boolean;
}

export interface AllocationResult {
  devices?: { results?: DeviceRequestAllocationResult[]; config?: unknown[] };
  nodeSelector?: NodeSelector;
  allocationTimestamp?: string;
}

export interface ResourceClaimConsumerReference {
  apiGroup?: string;
  resource?: string;
  name?: string;
  uid?: string;
}

export interface ResourceClaimStatus {
  allocation?: AllocationResult;
  reservedFor?: ResourceClaimConsumerReference[];
}

export interface ResourceClaim extends KubeObject {
  spec?: ResourceClaimSpec;
  status?: ResourceClaimStatus;
}

export interface ResourceClaimTemplate extends KubeObject {
  spec?: { metadata?: ObjectMeta; spec?: ResourceClaimSpec };
}

export interface DeviceClass extends KubeObject {
  spec?: { selectors?: DeviceSelector[]; config?: unknown[]; extendedResourceName?: string };
}

/** One of int, bool, string, version is set. */
export interface DeviceAttribute {
  int?: number;
  bool?: boolean;
  string?: string;
  version?: string;
}

export interface DeviceCapacity {
  value?: string;
}

export interface Device {
  name?: string;
  attributes?: Record<string, DeviceAttribute>;
  capacity?: Record<string, DeviceCapacity>;
  /** Set only with spec.perDeviceNodeSelection. */
  nodeName?: string;
  nodeSelector?: NodeSelector;
  allNodes?: boolean;
  consumesCounters?: unknown[];
  taints?: unknown[];
  bindingConditions?: string[];
}

export interface ResourcePool {
  name?: string;
  generation?: number;
  resourceSliceCount?: number;
}

export interface ResourceSlice extends KubeObject {
  spec?: {
    driver?: string;
    pool?: ResourcePool;
    nodeName?: string;
    nodeSelector?: NodeSelector;
    allNodes?: boolean;
    perDeviceNodeSelection?: boolean;
    devices?: Device[];
    sharedCounters?: unknown[];
  };
}

/** The API group and version the tools read DRA objects at. */
export const RESOURCE_API_VERSION = 'resource.k8s.io/v1';
