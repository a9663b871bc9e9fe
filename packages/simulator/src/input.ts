// Sorting a bag of Kubernetes objects into what the simulator reads.

import {
  knownKind,
  type CompositePodGroup,
  type CSINode,
  type DeviceClass,
  type KubeObject,
  type Node,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type PodGroup,
  type PriorityClass,
  type ReplicaSet,
  type ReplicationController,
  type ResourceClaim,
  type ResourceClaimTemplate,
  type ResourceSlice,
  type Service,
  type StatefulSet,
  type StorageClass,
} from '@kubectl-workload/api';
import type { DraObjects } from './plugins/dynamic-resources.js';
import type { SpreadSelectorSources } from './spread-defaults.js';
import { validateObject, validateStorage } from './validate.js';

/** Fields named as in ClusterState, so a loaded cluster state is a SimulationInput. */
export interface SimulationInput extends Partial<DraObjects>, SpreadSelectorSources {
  readonly nodes: readonly Node[];
  /** Bound pods (spec.nodeName set, not Succeeded/Failed) and pending pods (no spec.nodeName). */
  readonly pods: readonly Pod[];
  readonly podGroups: readonly PodGroup[];
  /** 1.37 group hierarchies (scheduling.k8s.io/v1alpha3); only the 1.37 cycle reads them. */
  readonly compositePodGroups: readonly CompositePodGroup[];
  readonly priorityClasses: readonly PriorityClass[];
  /** What the volume plugins read (absent: none). */
  readonly persistentVolumeClaims?: readonly PersistentVolumeClaim[];
  readonly persistentVolumes?: readonly PersistentVolume[];
  readonly storageClasses?: readonly StorageClass[];
  readonly csiNodes?: readonly CSINode[];
}

/**
 * Other kinds (Workloads, Jobs, ...) are ignored: the scheduler reads only these five, the DRA kinds, the storage kinds and
 * the controllers and Services default topology spreading selects by. Throws
 * InvalidObjectError for a malformed field the simulator would read.
 */
export function simulationInput(objects: readonly KubeObject[]): SimulationInput {
  const nodes: Node[] = [];
  const pods: Pod[] = [];
  const podGroups: PodGroup[] = [];
  const compositePodGroups: CompositePodGroup[] = [];
  const priorityClasses: PriorityClass[] = [];
  const resourceClaims: ResourceClaim[] = [];
  const resourceClaimTemplates: ResourceClaimTemplate[] = [];
  const deviceClasses: DeviceClass[] = [];
  const resourceSlices: ResourceSlice[] = [];
  const persistentVolumeClaims: PersistentVolumeClaim[] = [];
  const persistentVolumes: PersistentVolume[] = [];
  const storageClasses: StorageClass[] = [];
  const csiNodes: CSINode[] = [];
  const replicaSets: ReplicaSet[] = [];
  const statefulSets: StatefulSet[] = [];
  const services: Service[] = [];
  const replicationControllers: ReplicationController[] = [];
  for (const obj of objects) {
    const kind = knownKind(obj);
    if (kind === 'Node' || kind === 'Pod' || kind === 'PodGroup' || kind === 'CompositePodGroup' || kind === 'PriorityClass')
      validateObject(obj, kind);
    if (kind === 'PersistentVolumeClaim' || kind === 'PersistentVolume') validateStorage(obj, kind);
    switch (kind) {
      case 'Node':
        nodes.push(obj);
        break;
      case 'Pod':
        pods.push(obj);
        break;
      case 'PodGroup':
        podGroups.push(obj);
        break;
      case 'CompositePodGroup':
        compositePodGroups.push(obj);
        break;
      case 'PriorityClass':
        priorityClasses.push(obj);
        break;
      case 'ResourceClaim':
        resourceClaims.push(obj);
        break;
      case 'ResourceClaimTemplate':
        resourceClaimTemplates.push(obj);
        break;
      case 'DeviceClass':
        deviceClasses.push(obj);
        break;
      case 'ResourceSlice':
        resourceSlices.push(obj);
        break;
      case 'PersistentVolumeClaim':
        persistentVolumeClaims.push(obj);
        break;
      case 'PersistentVolume':
        persistentVolumes.push(obj);
        break;
      case 'StorageClass':
        storageClasses.push(obj);
        break;
      case 'CSINode':
        csiNodes.push(obj);
        break;
      case 'ReplicaSet':
        replicaSets.push(obj);
        break;
      case 'StatefulSet':
        statefulSets.push(obj);
        break;
      case 'Service':
        services.push(obj);
        break;
      case 'ReplicationController':
        replicationControllers.push(obj);
        break;
      default:
        break;
    }
  }
  return {
    nodes,
    pods,
    podGroups,
    compositePodGroups,
    priorityClasses,
    resourceClaims,
    resourceClaimTemplates,
    deviceClasses,
    resourceSlices,
    persistentVolumeClaims,
    persistentVolumes,
    storageClasses,
    csiNodes,
    replicaSets,
    statefulSets,
    services,
    replicationControllers,
  };
}
