// Every upstream text the simulator prints, in one table (spec scheduler.md §5, §6.2, §8c rec. 1).
// Version-dependent wording is chosen here and nowhere else.

/** Filter reason strings, exactly as the v1.36 plugins return them (§6.2). */
export const REASON = {
  nodeUnschedulable: 'node(s) were unschedulable',
  nodeName: "node(s) didn't match the requested node name",
  /** 1.35+ wording (TaintTolerationComparisonOperators era): no key or value printed. */
  untoleratedTaint: 'node(s) had untolerated taint(s)',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  insufficient: (resource: string): string => `Insufficient ${resource}`,
  spreadConstraints: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  volumeNodeConflict: 'node(s) had volume node affinity conflict',
  volumeBindConflict: "node(s) didn't find available persistent volumes to bind",
  volumeNotExist: 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)',
  volumeZoneConflict: 'node(s) had no available volume zone',
  maxVolumeCount: 'node(s) exceed max volume count',
  /** The status of nodes a PreFilterResult left out (findNodesThatFitPod's SetAbsentNodesStatus). */
  preFilterNodes: (plugins: readonly string[]): string => `node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]`,
} as const;

/** PreFilter rejections of the volume plugins: FitError prints them once, not counted per node. */
export const VOLUME_MESSAGE = {
  unboundImmediate: 'pod has unbound immediate PersistentVolumeClaims',
  claimNotFound: (name: string): string => `persistentvolumeclaim ${JSON.stringify(name)} not found`,
  ephemeralClaimMissing: (name: string): string =>
    `waiting for ephemeral volume controller to create the persistentvolumeclaim ${JSON.stringify(name)}`,
  claimLost: (name: string, pv: string): string =>
    `persistentvolumeclaim ${JSON.stringify(name)} bound to non-existent persistentvolume ${JSON.stringify(pv)}`,
  claimDeleting: (name: string): string => `persistentvolumeclaim ${JSON.stringify(name)} is being deleted`,
  notOwner: (claim: string, pod: string): string => `PVC ${claim} was not created for pod ${pod} (pod is not owner)`,
  volumeNotFound: (name: string): string => `persistentvolume ${JSON.stringify(name)} not found`,
  classNotFound: (name: string): string => `storageclass.storage.k8s.io ${JSON.stringify(name)} not found`,
  noClaimName: 'PersistentVolumeClaim had no name',
  noVolumeOrClass: 'PersistentVolumeClaim had no pv name and storageClass name',
  noVolumeName: 'PersistentVolume had no name',
  /** Bound local PVs pinned to different nodes: the PreFilterResult is empty. */
  noEligibleNodes: (plugin: string): string => `node(s) didn't satisfy plugin ${plugin}`,
} as const;

/**
 * What a filter reason says about volumes: `claim` when a claim or its PV must be fixed before any
 * node can help, `placement` when the volumes restrict which nodes can take the pod; undefined else.
 */
export function volumeReasonKind(reason: string): 'claim' | 'placement' | undefined {
  if (reason === REASON.volumeNotExist || reason === VOLUME_MESSAGE.unboundImmediate || CLAIM_PATTERN.test(reason)) return 'claim';
  return PLACEMENT_REASONS.has(reason) ? 'placement' : undefined;
}

const CLAIM_PATTERN =
  /^(persistentvolumeclaim "|persistentvolume "|storageclass\.storage\.k8s\.io "|waiting for ephemeral volume controller|PVC .* was not created for pod|PersistentVolumeClaim had no|PersistentVolume had no name|node\(s\) didn't satisfy plugin VolumeBinding$)/;

const PLACEMENT_REASONS: ReadonlySet<string> = new Set([
  REASON.volumeNodeConflict,
  REASON.volumeBindConflict,
  REASON.volumeZoneConflict,
  REASON.maxVolumeCount,
  REASON.preFilterNodes(['VolumeBinding']),
]);

/** PodGroup cycle texts (§1.1, §1.4, §3, §5.3). */
export const GROUP_MESSAGE = {
  podGroupMissing: (name: string): string => `waiting for pods's pod group "${name}" to appear in scheduling queue`,
  quorumNotInQueue: 'waiting for minCount pods from a gang to appear in scheduling queue',
  /** Post-1.36 Permit wording; 1.35 said "... to be waiting on permit" (§5.3, unverified for 1.36). */
  permitWait: 'waiting for minCount pods from a gang to be scheduled',
  groupUnschedulable: 'pod group is unschedulable',
  waitingForPreemption: 'pod group is waiting for preemption to complete',
  schedulerNameMismatch: (a: string, b: string): string =>
    `all pods in a single pod group should have the same .spec.schedulerName set, got: ${JSON.stringify(a)} and ${JSON.stringify(b)}`,
  /** Ours: upstream logs nothing, the pod simply never enters this scheduler's queue. */
  noProfile: (name: string): string =>
    `no scheduler profile has schedulerName ${JSON.stringify(name)}: kube-scheduler never queues this pod (another scheduler must bind it)`,
  noPlacements: 'no feasible placements found',
  noFeasiblePlacement: (total: number, first: string): string => `0/${total} placements are available, first placement status: ${first}`,
  domainUndetermined: (detail: string): string => `cannot determine domain for already scheduled pods: ${detail}`,
} as const;

/** How a status that wraps errPodGroupUnschedulable prints: the wrapped text first, then the reason (§1.4). */
export function wrapGroupUnschedulable(reason: string): string {
  return reason === '' ? GROUP_MESSAGE.groupUnschedulable : `${GROUP_MESSAGE.groupUnschedulable}, ${reason}`;
}

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** Kubernetes 1.37 group-cycle texts (scheduler-1.37.md §2.5, §3, §7). */
export const GROUP_MESSAGE_1_37 = {
  treeQuorum: (root: string): string => `waiting for composite pod group "${root}" tree to meet quorum`,
  hierarchySnapshot: (err: string): string => `failed to build hierarchy snapshot: ${err}`,
  compositeNotFound: (key: string): string => `composite pod group object not found in state for ${key}`,
  /** Ours: upstream's runtime hierarchy-invalid texts were not found (§2.6 UNVERIFIED). */
  hierarchyCycle: (name: string): string => `invalid pod group hierarchy: composite pod group "${name}" is its own ancestor`,
  hierarchyTooDeep: (root: string, depth: number): string =>
    `invalid pod group hierarchy: the tree under composite pod group "${root}" has ${depth} levels, at most 4 are allowed`,
  /** PlacementFeasible (GANG37); the same wording for composites, where the counts are child groups. */
  notYetSatisfied: (min: number, scheduled: number, remaining: number): string =>
    `minCount (${min}) is not yet satisfied: ${scheduled} scheduled, ${remaining} remaining`,
  cannotBeSatisfied: (min: number, scheduled: number, remaining: number): string =>
    `minCount (${min}) cannot be satisfied: ${scheduled} scheduled, ${remaining} remaining`,
  priorityMismatch: (pod: number, group: number): string =>
    `all pods in a single pod group should have the same priority as the pod group's priority, got ${pod} and ${group}`,
  groupPreemptionPolicyMismatch: (pod: string, group: string): string =>
    `all pods in a single pod group should have the same preemption policy as the pod group's preemption policy, got ${pod} and ${group}`,
  preemptionPolicyMismatch: (pod: string, first: string): string =>
    `all pods in a single pod group should have the same preemption policy, got ${pod} and ${first}`,
  profileNotFound: (name: string): string => `profile not found for scheduler name ${JSON.stringify(name)}`,
} as const;
