// The parts of the Kubernetes API the rules engine and the simulator read. Field names follow
// k8s.io/api v0.36 (scheduling/v1alpha2, core/v1, batch/v1, scheduling/v1). Everything is optional
// because lint and the webhook must cope with whatever a user wrote.

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface TypeMeta {
  apiVersion?: string;
  kind?: string;
}

export interface KubeObject extends TypeMeta {
  metadata?: ObjectMeta;
}

// ---- scheduling.k8s.io/v1alpha2 ----

export const SCHEDULING_GROUP = 'scheduling.k8s.io';
export const SCHEDULING_VERSION = 'v1alpha2';
export const SCHEDULING_API_VERSION = `${SCHEDULING_GROUP}/${SCHEDULING_VERSION}`;

export interface GangSchedulingPolicy {
  minCount?: number;
}

export interface PodGroupSchedulingPolicy {
  basic?: Record<string, never>;
  gang?: GangSchedulingPolicy;
}

export interface TopologyConstraint {
  key?: string;
}

export interface PodGroupSchedulingConstraints {
  topology?: TopologyConstraint[];
}

export interface PodGroupResourceClaim {
  name?: string;
  resourceClaimName?: string;
  resourceClaimTemplateName?: string;
}

export type DisruptionMode = 'Pod' | 'PodGroup';

/** Fields a PodGroup copies from its Workload template (X-10..14). */
export interface PodGroupPolicyFields {
  schedulingPolicy?: PodGroupSchedulingPolicy;
  schedulingConstraints?: PodGroupSchedulingConstraints;
  resourceClaims?: PodGroupResourceClaim[];
  disruptionMode?: DisruptionMode | string;
  priorityClassName?: string;
  priority?: number;
}

export interface PodGroupTemplate extends PodGroupPolicyFields {
  name?: string;
}

export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

export interface WorkloadSpec {
  controllerRef?: TypedLocalObjectReference;
  podGroupTemplates?: PodGroupTemplate[];
}

export interface Workload extends KubeObject {
  spec?: WorkloadSpec;
}

export interface WorkloadPodGroupTemplateReference {
  workloadName?: string;
  podGroupTemplateName?: string;
}

export interface PodGroupTemplateReference {
  workload?: WorkloadPodGroupTemplateReference;
}

export interface PodGroupSpec extends PodGroupPolicyFields {
  podGroupTemplateRef?: PodGroupTemplateReference;
}

export interface Condition {
  type?: string;
  status?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface PodGroupResourceClaimStatus {
  name?: string;
  resourceClaimName?: string;
}

export interface PodGroupStatus {
  conditions?: Condition[];
  resourceClaimStatuses?: PodGroupResourceClaimStatus[];
}

export interface PodGroup extends KubeObject {
  spec?: PodGroupSpec;
  status?: PodGroupStatus;
}

export const POD_GROUP_SCHEDULED = 'PodGroupScheduled';

// ---- core/v1 ----

export type ResourceList = Record<string, string | number>;

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface ContainerPort {
  containerPort?: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  name?: string;
}

export interface Container {
  name?: string;
  image?: string;
  resources?: ResourceRequirements;
  ports?: ContainerPort[];
  restartPolicy?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal' | string;
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeSelector {
  nodeSelectorTerms: NodeSelectorTerm[];
}

export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
  matchLabelKeys?: string[];
  mismatchLabelKeys?: string[];
}

export interface WeightedPodAffinityTerm {
  weight: number;
  podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface Affinity {
  nodeAffinity?: NodeAffinity;
  podAffinity?: PodAffinity;
  podAntiAffinity?: PodAffinity;
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway' | string;
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore' | string;
  nodeTaintsPolicy?: 'Honor' | 'Ignore' | string;
  matchLabelKeys?: string[];
}

export interface PodSchedulingGroup {
  podGroupName?: string;
}

export interface PodResourceClaim {
  name?: string;
  resourceClaimName?: string;
  resourceClaimTemplateName?: string;
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations?: Toleration[];
  schedulerName?: string;
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never' | string;
  containers?: Container[];
  initContainers?: Container[];
  overhead?: ResourceList;
  resources?: ResourceRequirements;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  schedulingGroup?: PodSchedulingGroup;
  /** 1.37 (gate EvictionRequestAPI): read for presence only (POD-11); its items are not modelled. */
  evictionResponders?: readonly unknown[];
  resourceClaims?: PodResourceClaim[];
  restartPolicy?: string;
  /** Read by explain only: the simulator does not model the SchedulingGates plugin. */
  schedulingGates?: { name?: string }[];
  volumes?: Volume[];
}

/** A pod volume; the scheduler reads the claim-backed ones (VolumeBinding, VolumeZone, NodeVolumeLimits). */
export interface Volume {
  name?: string;
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  /** A generic ephemeral volume: its claim is named `<pod name>-<volume name>`. */
  ephemeral?: { volumeClaimTemplate?: { metadata?: ObjectMeta; spec?: PersistentVolumeClaimSpec } };
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown' | string;
  conditions?: Condition[];
  nominatedNodeName?: string;
  startTime?: string;
  /** The ResourceClaims the resourceclaim controller generated from templates (DRA). */
  resourceClaimStatuses?: { name?: string; resourceClaimName?: string }[];
}

export interface Pod extends KubeObject {
  spec?: PodSpec;
  status?: PodStatus;
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

export interface NodeSpec {
  unschedulable?: boolean;
  taints?: Taint[];
}

export interface NodeStatus {
  allocatable?: ResourceList;
  capacity?: ResourceList;
}

export interface Node extends KubeObject {
  spec?: NodeSpec;
  status?: NodeStatus;
}

// ---- scheduling.k8s.io/v1 ----

export interface PriorityClass extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never' | string;
  description?: string;
}

// ---- batch/v1 ----

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  completionMode?: 'NonIndexed' | 'Indexed' | string;
  suspend?: boolean;
  template?: PodTemplateSpec;
}

export interface JobStatus {
  startTime?: string;
  succeeded?: number;
  failed?: number;
  active?: number;
  conditions?: Condition[];
}

export interface Job extends KubeObject {
  spec?: JobSpec;
  status?: JobStatus;
}

/** apps/v1 ReplicaSet and StatefulSet: their selector is what default topology spreading selects by. */
export interface ReplicaSet extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec };
}

export interface StatefulSet extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec };
}

/** core/v1 Service and ReplicationController: an equality selector (nil selects nothing). */
export interface Service extends KubeObject {
  spec?: { selector?: Record<string, string> };
}

export interface ReplicationController extends KubeObject {
  spec?: { selector?: Record<string, string> };
}

export interface CronJob extends KubeObject {
  spec?: { jobTemplate?: { metadata?: ObjectMeta; spec?: JobSpec } };
}

export interface PodDisruptionBudget extends KubeObject {
  spec?: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: LabelSelector;
  };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number };
}

// ---- core/v1 and storage.k8s.io/v1: what the volume plugins read ----

export interface PersistentVolumeClaimSpec {
  accessModes?: string[];
  selector?: LabelSelector;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  volumeName?: string;
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block' | string;
  volumeAttributesClassName?: string;
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: PersistentVolumeClaimSpec;
  status?: { phase?: 'Pending' | 'Bound' | 'Lost' | string; capacity?: ResourceList; accessModes?: string[] };
}

export interface PersistentVolumeSpec {
  capacity?: ResourceList;
  accessModes?: string[];
  claimRef?: { namespace?: string; name?: string; uid?: string; kind?: string; apiVersion?: string };
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block' | string;
  persistentVolumeReclaimPolicy?: string;
  nodeAffinity?: { required?: NodeSelector };
  csi?: { driver?: string; volumeHandle?: string };
  local?: { path?: string };
  volumeAttributesClassName?: string;
}

export interface PersistentVolume extends KubeObject {
  spec?: PersistentVolumeSpec;
  status?: { phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed' | string };
}

export interface TopologySelectorTerm {
  matchLabelExpressions?: { key: string; values: string[] }[];
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  /** The API server defaults it to Immediate. */
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer' | string;
  allowedTopologies?: TopologySelectorTerm[];
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
}

/** storage.k8s.io/v1 CSINode: per node, the CSI drivers and how many of their volumes the node can attach. */
export interface CSINode extends KubeObject {
  spec?: { drivers?: { name: string; nodeID?: string; topologyKeys?: string[]; allocatable?: { count?: number } }[] };
}
