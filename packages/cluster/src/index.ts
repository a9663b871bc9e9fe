// Read-only cluster access for the plugin and the webhook. @kubernetes/client-node is imported only
// when connect() first runs (client-node.ts), so importing this package for its flag builders is cheap.
export {
  withClusterOptions,
  withClusterSourceOptions,
  parseRequestTimeout,
  OptionError,
  type ClusterOptions,
  type SourceOptions,
} from './options.js';
export { resolveConfig, type ResolvedConfig } from './kubeconfig.js';
export { kubeconfigNames, type KubeconfigNames } from './kubeconfig.js';
export { ClusterClient, connect, type Scope, type ListOptions, type ObjectList } from './client.js';
export { ClusterAccessError, ObjectNotFoundError, ApiNotServedError, ForbiddenError } from './errors.js';
export type { AccessHints } from './errors.js';
export { CLUSTER_KINDS, qualifiedResourceOf, type ClusterKind, type ClusterKindTypes, type KubeEvent, type KindInfo } from './kinds.js';
export {
  loadClusterState,
  readSnapshotText,
  sourceFromOptions,
  stateFromObjects,
  stateObjects,
  stateToList,
  snapshotLookup,
  emptyState,
  STATE_KINDS,
  type ClusterState,
  type ClusterSource,
  type ProgressListener,
} from './state.js';
export {
  KUEUE_GROUP,
  KUEUE_KINDS,
  emptyKueueState,
  type KueueState,
  type KueueWorkload,
  type KueuePodSet,
  type LocalQueue,
  type ClusterQueue,
  type ResourceFlavor,
  type FlavorQuotas,
  type FlavorUsage,
} from './kueue.js';
export { isCoreEvent, eventTime, recentSubjectEvents, EVENT_WINDOW_MS } from './events.js';
export { InformerLookup, LOOKUP_KINDS, type LookupKind, type InformerLookupOptions } from './informer-lookup.js';
export { closeNames, didYouMean, editDistance } from './suggest.js';
export { parseFeatureMetrics, readServerGates, SNAPSHOT_GATES_ANNOTATION, type ServerGates } from './feature-gates.js';
