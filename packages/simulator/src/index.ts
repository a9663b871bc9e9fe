// @kubectl-workload/simulator: the kube-scheduler v1.36 PodGroup cycle, in process.
export * from './messages.js';
export * from './resources.js';
export * from './selectors.js';
export * from './status.js';
export * from './cluster.js';
export * from './pod-info.js';
export * from './input.js';
export { InvalidObjectError, validateObject } from './validate.js';
export * from './condition.js';
export * from './schedule-pod.js';
export * from './default-algorithm.js';
export * from './group-algorithm.js';
export * from './placements.js';
export { topologyDomains, type Placement } from './plugins/topology-placement.js';
export * from './simulation.js';
export { GATED_CONDITION, gatesOf, preEnqueue as schedulingGatesPreEnqueue } from './plugins/scheduling-gates.js';
export * from './profile.js';
export { schedulerConfiguration, KNOWN_PLUGINS, type SchedulerConfiguration } from './config/scheduler-config.js';
export { SchedulerConfigError } from './config/reader.js';
export { StaticResultsCache, computeStaticResults, type StaticResults } from './static-results.js';
export * from './preemption/index.js';
export * from './kubernetes-1-37.js';
export { type CompositePodGroupResult, type UnitOutcome } from './v137/root-cycle.js';
export { STATUS_MODEL_NOTE, placementFeasible } from './v137/gang-scheduling.js';
export { VOLUME_NOTE, volumeNotes } from './volume-cache.js';
export {
  DRA_MESSAGE,
  DRA_NOTE,
  draNotes,
  type ClaimDemand,
  type RequestDemand,
} from './plugins/dynamic-resources.js';
export type { FreeDevices, FreeOnNode } from './plugins/dra/free-devices.js';
