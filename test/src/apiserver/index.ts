export { TestApiServer, type ApiServerOptions, type ForbidRule, type RecordedRequest } from './server.js';
export { ObjectStore, FixtureError, type StoreEvent, type WatchEventType } from './store.js';
export { writeKubeconfig, kubeconfigYaml, type KubeconfigOptions } from './kubeconfig.js';
export { RESOURCES, type ServedResource, type ReadVerb } from './resources.js';
export { sampleClusterObjects } from './sample-cluster.js';
