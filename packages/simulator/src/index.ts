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
export { StaticResultsCache, computeStaticResults, type StaticResults } from './static-results.js';
export * from './preemption/index.js';
