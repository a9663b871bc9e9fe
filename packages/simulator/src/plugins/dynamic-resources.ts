// DynamicResources (resource.k8s.io/v1 claims), as the v1.36 plugin decides: PreFilter finds each
// claim of the pod (pod spec.resourceClaims, a PodGroup's shared claims with DRAWorkloadResourceClaims)
// and checks its device classes; Filter keeps nodes where allocated claims are usable and the
// structured allocator can allocate the rest; Reserve records the allocation in memory so later pods
// see the devices taken; PostFilter says whether deallocating a claim could help. Claims from
// templates that the resourceclaim controller has not generated yet are modelled as it would create
// them. Texts are upstream's (pkg/scheduler/framework/plugins/dynamicresources).

import type {
  DeviceClass,
  NodeSelector,
  Pod,
  PodGroup,
  ResourceClaim,
  ResourceClaimSpec,
  ResourceClaimTemplate,
  ResourceSlice,
} from '@kubectl-workload/api';
import type { NodeInfo } from '../cluster.js';
import type { PodInfo } from '../pod-info.js';
import { nodeSelectorMatches } from '../selectors.js';
import type { FilterStatus } from '../status.js';
import { allocate, type ClaimToAllocate, type NotModelled, type RequestToAllocate } from './dra/allocator.js';
import { Selectors } from './dra/cel.js';
import { DeviceInventory, deviceId, type DeviceReach, type PublishedDevice } from './dra/devices.js';
import { freeDevices, type FreeDevices } from './dra/free-devices.js';

export const NAME = 'DynamicResources';

export const DRA_MESSAGE = {
  cannotAllocate: 'cannot allocate all claims',
  notAvailableOnNode: 'resourceclaim not available on the node',
  inUse: 'resourceclaim in use',
  beingDeleted: (name: string): string => `resourceclaim ${JSON.stringify(name)} is being deleted`,
  notFound: (name: string): string => `resourceclaim.resource.k8s.io ${JSON.stringify(name)} not found`,
  notCreatedYet: (namespace: string, pod: string): string => `pod "${namespace}/${pod}": ResourceClaim not created yet`,
  notOwner: (claim: string, namespace: string, pod: string): string =>
    `ResourceClaim ${claim} was not created for pod ${namespace}/${pod} (pod is not owner)`,
  classMissing: (request: string, cls: string): string => `request ${request}: device class ${cls} does not exist`,
  /** PostFilter: a pod without claims, or one whose claims it cannot help. */
  noNewClaims: 'no new claims to deallocate',
  deallocated: 'deallocation of ResourceClaim completed',
  stillNotSchedulable: 'still not schedulable',
  /** Ours: what the simulator does not evaluate. */
  notModelled: (claim: string, why: string): string => `resourceclaim ${JSON.stringify(claim)}: not modelled by the simulator: ${why}`,
} as const;

/** Said once when pods with claims are simulated: what the allocator leaves out, so no one reads it as checked. */
export const DRA_NOTE =
  'DynamicResources: device taints and partitionable devices (shared counters) are not checked; prioritized lists (firstAvailable), consumable capacity, distinctAttribute and CEL the library cannot evaluate are reported per claim as not modelled';

export function draNotes(pods: readonly Pod[]): string[] {
  return pods.some((p) => !p.spec?.nodeName && DraState.hasClaims(p)) ? [DRA_NOTE] : [];
}

/** ResourceClaimReservedForMaxSize (resource/v1): a claim reserved by this many consumers takes no more. */
const RESERVED_FOR_MAX = 256;

export const NOT_AVAILABLE_STATUS: FilterStatus = {
  plugin: NAME,
  code: 'UnschedulableAndUnresolvable',
  reasons: [DRA_MESSAGE.notAvailableOnNode],
};
export const CANNOT_ALLOCATE_STATUS: FilterStatus = {
  plugin: NAME,
  code: 'UnschedulableAndUnresolvable',
  reasons: [DRA_MESSAGE.cannotAllocate],
};

export interface DraObjects {
  readonly resourceClaims: readonly ResourceClaim[];
  readonly resourceClaimTemplates: readonly ResourceClaimTemplate[];
  readonly deviceClasses: readonly DeviceClass[];
  readonly resourceSlices: readonly ResourceSlice[];
}

/** Where an allocated claim can be used: a node predicate (undefined = every node). */
type Availability = ((node: NodeInfo) => boolean) | undefined;

interface Allocation {
  readonly devices: readonly number[];
  readonly available: Availability;
  /** Which pod made it in this run (undefined: allocated in the snapshot). */
  readonly byPod: string | undefined;
}

/** One claim of the pod as PreFilter resolved it. */
export interface PodClaim {
  /** `namespace/name` of the claim, or of the claim the controller would generate. */
  readonly key: string;
  readonly name: string;
  readonly claim: ResourceClaim;
  /** Where the claim comes from, for explain: `ResourceClaim x`, `ResourceClaimTemplate y`, `PodGroup g: …`. */
  readonly origin: string;
}

/** One request of a claim and the devices that could serve it (explain). */
export interface RequestDemand {
  readonly request: string;
  readonly deviceClass: string;
  /** Devices per claim; `All`: every matching device of the node. */
  readonly count: number | 'All';
  readonly devices: FreeDevices;
}

/** One claim of a pod as explain shows it. */
export interface ClaimDemand {
  /** The pod's entry name (spec.resourceClaims[].name). */
  readonly name: string;
  /** `namespace/name` of the ResourceClaim (or of the one the controller would generate): pods sharing a claim share the key. */
  readonly key: string;
  readonly origin: string;
  /** Allocated before the cycle: nothing to allocate, only where it can be used counts. */
  readonly allocated: boolean;
  readonly requests: readonly RequestDemand[];
}

/** PreFilter's result: a rejection message, or the pod's claims and what Filter must allocate. */
export type PreFilterResult =
  | { readonly rejected: string }
  | { readonly claims: readonly PodClaim[]; readonly toAllocate: readonly ClaimToAllocate[]; readonly toAllocateKeys: readonly string[] };

/** A device the selectors could not evaluate (upstream's Filter would fail with the CEL error): say so, do not guess. */
function notModelledStatus(claims: readonly ClaimToAllocate[], stop: NotModelled): FilterStatus {
  const claim = claims[stop.claim] as ClaimToAllocate;
  return {
    plugin: NAME,
    code: 'UnschedulableAndUnresolvable',
    reasons: [DRA_MESSAGE.notModelled(claim.name, `request ${stop.request}: ${stop.why}`)],
  };
}

function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function availabilityOf(selector: NodeSelector | undefined): Availability {
  if (!selector) return undefined;
  const terms = selector.nodeSelectorTerms ?? [];
  return (node) => nodeSelectorMatches(terms, node.labels, node.name);
}

/** The nodes an allocation may be used on (upstream: node name when any device is node-local, else the selector). */
function availabilityOfDevices(reaches: readonly DeviceReach[]): Availability {
  const local = reaches.find((r) => 'node' in r);
  if (local && 'node' in local) return (node) => node.name === local.node;
  const selected = reaches.filter((r) => 'selector' in r);
  if (selected.length === 0) return undefined;
  const checks = selected.map((r) => ('selector' in r ? availabilityOf(r.selector) : undefined));
  return (node) => checks.every((check) => !check || check(node));
}

/**
 * The DRA view of one simulation: devices, classes, claims (snapshot and generated), the devices
 * allocated so far. `version` changes whenever an allocation another node could see changes (a
 * shared claim, a network-attached device), so per-node filter caches know when to recompute.
 */
export class DraState {
  readonly inventory: DeviceInventory;
  private readonly classes: ReadonlyMap<string, DeviceClass>;
  private readonly claims = new Map<string, ResourceClaim>();
  private readonly templates = new Map<string, ResourceClaimTemplate>();
  private readonly groups: ReadonlyMap<string, PodGroup>;
  private readonly taken: Uint8Array;
  private readonly allocations = new Map<string, Allocation>();
  /** Per pod key: the claim keys its Reserve allocated (Unreserve reverts them). */
  private readonly reservedBy = new Map<string, string[]>();
  /** Selector sets by their expressions. */
  private readonly selectors = new Map<string, Selectors>();
  version = 0;

  constructor(
    objects: DraObjects,
    groups: ReadonlyMap<string, PodGroup>,
    private readonly podGroupClaims: boolean,
  ) {
    this.inventory = new DeviceInventory(objects.resourceSlices);
    this.classes = new Map(objects.deviceClasses.map((c) => [c.metadata?.name ?? '', c]));
    for (const c of objects.resourceClaims) this.claims.set(claimKey(c.metadata?.namespace || 'default', c.metadata?.name ?? ''), c);
    for (const t of objects.resourceClaimTemplates)
      this.templates.set(claimKey(t.metadata?.namespace || 'default', t.metadata?.name ?? ''), t);
    this.groups = groups;
    this.taken = new Uint8Array(this.inventory.size);
    for (const [key, claim] of this.claims) {
      const allocation = claim.status?.allocation;
      if (!allocation) continue;
      const devices: number[] = [];
      for (const r of allocation.devices?.results ?? []) {
        const d = this.inventory.byId.get(deviceId(r.driver ?? '', r.pool ?? '', r.device ?? ''));
        // Admin access does not take a device from others.
        if (d !== undefined && r.adminAccess !== true) devices.push(d);
      }
      for (const d of devices) this.taken[d] = 1;
      this.allocations.set(key, { devices, available: availabilityOf(allocation.nodeSelector), byPod: undefined });
    }
  }

  /** PreFilter (and PreEnqueue's claim lookups): the pod's claims, or why it cannot be scheduled now. */
  preFilter(pod: PodInfo): PreFilterResult {
    const claims: PodClaim[] = [];
    for (const ref of pod.pod.spec?.resourceClaims ?? []) {
      const resolved = this.resolve(pod, ref);
      if (resolved === undefined) continue;
      if (typeof resolved === 'string') return { rejected: resolved };
      claims.push(resolved);
    }
    const toAllocate: ClaimToAllocate[] = [];
    const toAllocateKeys: string[] = [];
    for (const c of claims) {
      const allocation = this.allocations.get(c.key);
      if (allocation) {
        const reserved = c.claim.status?.reservedFor ?? [];
        const forPod = reserved.some((r) => r.resource === 'pods' && r.name === pod.name && (!r.uid || r.uid === pod.pod.metadata?.uid));
        if (allocation.byPod === undefined && reserved.length >= RESERVED_FOR_MAX && !forPod) return { rejected: DRA_MESSAGE.inUse };
        continue;
      }
      const spec = this.claimToAllocate(c.name, c.claim.spec);
      if (typeof spec === 'string') return { rejected: spec };
      toAllocate.push(spec);
      toAllocateKeys.push(c.key);
    }
    return { claims, toAllocate, toAllocateKeys };
  }

  /** Filter on one node. */
  filter(state: PreFilterResult, node: NodeInfo): FilterStatus | undefined {
    if ('rejected' in state || state.claims.length === 0) return undefined;
    if (state.toAllocate.length > 0) {
      const picks = this.allocateOn(state, node);
      if (!picks) return CANNOT_ALLOCATE_STATUS;
      if (!Array.isArray(picks)) return notModelledStatus(state.toAllocate, picks);
    }
    for (const c of state.claims) {
      const available = this.allocations.get(c.key)?.available;
      if (available && !available(node)) return NOT_AVAILABLE_STATUS;
    }
    return undefined;
  }

  /** PostFilter's status message; upstream picks one deallocatable claim at random, the outcome text is the same. */
  postFilter(pod: PodInfo, nodes: readonly NodeInfo[]): string {
    const state = this.preFilter(pod);
    // A PreFilter rejection leaves the cycle state without claims, as a pod without claims does.
    if ('rejected' in state || state.claims.length === 0) return DRA_MESSAGE.noNewClaims;
    for (const c of state.claims) {
      const allocation = this.allocations.get(c.key);
      if (!allocation?.available || allocation.byPod !== undefined) continue;
      const reserved = c.claim.status?.reservedFor ?? [];
      const onlyThisPod = reserved.length === 1 && reserved[0]?.uid !== undefined && reserved[0].uid === pod.pod.metadata?.uid;
      if ((reserved.length === 0 || onlyThisPod) && nodes.some((n) => !allocation.available?.(n))) return DRA_MESSAGE.deallocated;
    }
    return DRA_MESSAGE.stillNotSchedulable;
  }

  /** The pod's claims and, per request to allocate, the devices that could serve it; a string when PreFilter rejects the pod. */
  describe(pod: PodInfo, nodes: readonly NodeInfo[]): readonly ClaimDemand[] | string {
    const state = this.preFilter(pod);
    if ('rejected' in state) return state.rejected;
    return state.claims.map((c): ClaimDemand => {
      const spec = state.toAllocate[state.toAllocateKeys.indexOf(c.key)];
      const requests = (spec?.requests ?? []).map(
        (r): RequestDemand => ({
          request: r.name,
          deviceClass: r.deviceClass,
          count: r.all ? 'All' : r.count,
          devices: freeDevices(r.selectors, this.inventory, this.taken, nodes),
        }),
      );
      return { name: c.name, key: c.key, origin: c.origin, allocated: spec === undefined, requests };
    });
  }

  /** Reserve: allocate the pod's pending claims on its node (assumed, in memory). */
  reserve(pod: PodInfo, node: NodeInfo): void {
    const state = this.preFilter(pod);
    if ('rejected' in state || state.toAllocate.length === 0) return;
    const picks = this.allocateOn(state, node);
    if (!Array.isArray(picks)) return;
    const keys: string[] = [];
    state.toAllocateKeys.forEach((key, c) => {
      const devices = picks.filter((p) => p.claim === c).map((p) => p.device);
      for (const d of devices) this.taken[d] = 1;
      const reaches = devices.map((d) => (this.inventory.devices[d] as PublishedDevice).reach);
      this.allocations.set(key, { devices, available: availabilityOfDevices(reaches), byPod: pod.key });
      keys.push(key);
      if (reaches.some((r) => !('node' in r)) || this.isShared(key, pod)) this.version++;
    });
    this.reservedBy.set(pod.key, keys);
  }

  /** Unreserve: undo what Reserve allocated for the pod. */
  unreserve(pod: PodInfo): void {
    const keys = this.reservedBy.get(pod.key);
    if (!keys) return;
    this.reservedBy.delete(pod.key);
    for (const key of keys) {
      const allocation = this.allocations.get(key);
      if (!allocation) continue;
      for (const d of allocation.devices) this.taken[d] = 0;
      this.allocations.delete(key);
    }
    this.version++;
  }

  /** Whether the pod has claims this plugin looks at (PreFilter would not Skip). */
  static hasClaims(pod: Pod): boolean {
    return (pod.spec?.resourceClaims ?? []).length > 0;
  }

  private isShared(key: string, pod: PodInfo): boolean {
    return !key.startsWith(`${pod.namespace}/${pod.name}-`);
  }

  private allocateOn(state: Extract<PreFilterResult, { claims: unknown }>, node: NodeInfo): ReturnType<typeof allocate> {
    return allocate(
      state.toAllocate,
      this.inventory.forNode(node),
      this.taken,
      this.inventory.devices,
      this.inventory.unusablePoolOn(node),
    );
  }

  /** resourceclaim.Name + the lister: the claim a pod's entry names, undefined when none is needed. */
  private resolve(
    pod: PodInfo,
    ref: NonNullable<Pod['spec']>['resourceClaims'] extends (infer R)[] | undefined ? R : never,
  ): PodClaim | string | undefined {
    const ns = pod.namespace;
    const name = ref.name ?? '';
    const shared = this.groupClaim(pod, ref);
    if (shared) return shared;
    if (ref.resourceClaimName) return this.existing(ns, ref.resourceClaimName, name, `ResourceClaim ${ref.resourceClaimName}`);
    if (!ref.resourceClaimTemplateName) return undefined;
    const status = pod.pod.status?.resourceClaimStatuses?.find((s) => s.name === name);
    if (status) {
      if (!status.resourceClaimName) return undefined;
      const found = this.existing(ns, status.resourceClaimName, name, `ResourceClaimTemplate ${ref.resourceClaimTemplateName}`);
      if (typeof found === 'string') return found;
      const owned = (found.claim.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Pod' && o.name === pod.name);
      return owned ? found : DRA_MESSAGE.notOwner(status.resourceClaimName, ns, pod.name);
    }
    return (
      this.generated(
        ns,
        ref.resourceClaimTemplateName,
        `${pod.name}-${name}`,
        name,
        `ResourceClaimTemplate ${ref.resourceClaimTemplateName}`,
      ) ?? DRA_MESSAGE.notCreatedYet(ns, pod.name)
    );
  }

  /** A pod entry that repeats a claim of its PodGroup (same name and source) uses the group's claim (KEP-5729). */
  private groupClaim(
    pod: PodInfo,
    ref: { name?: string; resourceClaimName?: string; resourceClaimTemplateName?: string },
  ): PodClaim | string | undefined {
    if (!this.podGroupClaims || !pod.groupKey) return undefined;
    const group = this.groups.get(pod.groupKey);
    const entry = group?.spec?.resourceClaims?.find(
      (c) =>
        c.name === ref.name &&
        c.resourceClaimName === ref.resourceClaimName &&
        c.resourceClaimTemplateName === ref.resourceClaimTemplateName,
    );
    if (!group || !entry) return undefined;
    const ns = pod.namespace;
    const groupName = group.metadata?.name ?? '';
    if (entry.resourceClaimName)
      return this.existing(
        ns,
        entry.resourceClaimName,
        entry.name ?? '',
        `PodGroup ${groupName}: ResourceClaim ${entry.resourceClaimName}`,
      );
    const origin = `PodGroup ${groupName}: ResourceClaimTemplate ${entry.resourceClaimTemplateName ?? ''}`;
    const generatedName = group.status?.resourceClaimStatuses?.find((s) => s.name === entry.name)?.resourceClaimName;
    if (generatedName) return this.existing(ns, generatedName, entry.name ?? '', origin);
    return (
      this.generated(ns, entry.resourceClaimTemplateName ?? '', `${groupName}-${entry.name ?? ''}`, entry.name ?? '', origin, 'podgroup') ??
      DRA_MESSAGE.notCreatedYet(ns, pod.name)
    );
  }

  private existing(ns: string, claimName: string, entryName: string, origin: string): PodClaim | string {
    const key = claimKey(ns, claimName);
    const claim = this.claims.get(key);
    if (!claim) return DRA_MESSAGE.notFound(claimName);
    if (claim.metadata?.deletionTimestamp) return DRA_MESSAGE.beingDeleted(claimName);
    return { key, name: entryName, claim, origin };
  }

  /** The claim the resourceclaim controller would generate from a template (undefined: no template). */
  private generated(
    ns: string,
    template: string,
    baseName: string,
    entryName: string,
    origin: string,
    owner = 'pod',
  ): PodClaim | undefined {
    const t = this.templates.get(claimKey(ns, template));
    if (!t) return undefined;
    const key = claimKey(ns, owner === 'pod' ? baseName : `podgroup:${baseName}`);
    let claim = this.claims.get(key);
    if (!claim) {
      claim = {
        apiVersion: 'resource.k8s.io/v1',
        kind: 'ResourceClaim',
        metadata: { name: baseName, namespace: ns },
        spec: t.spec?.spec ?? {},
      };
      this.claims.set(key, claim);
    }
    return { key, name: entryName, claim, origin };
  }

  /** The requests of a claim to allocate, with per-device selector verdicts; a string when it cannot be. */
  private claimToAllocate(claimName: string, spec: ResourceClaimSpec | undefined): ClaimToAllocate | string {
    const requests: RequestToAllocate[] = [];
    for (const r of spec?.devices?.requests ?? []) {
      const requestName = r.name ?? '';
      if (r.firstAvailable?.length) return DRA_MESSAGE.notModelled(claimName, `request ${requestName}: firstAvailable (prioritized list)`);
      const exactly = r.exactly;
      if (!exactly?.deviceClassName) return DRA_MESSAGE.notModelled(claimName, `request ${requestName}: unsupported request type`);
      const cls = this.classes.get(exactly.deviceClassName);
      if (!cls) return DRA_MESSAGE.classMissing(requestName, exactly.deviceClassName);
      if (exactly.capacity !== undefined)
        return DRA_MESSAGE.notModelled(claimName, `request ${requestName}: capacity requests (consumable capacity)`);
      const expressions = [...(cls.spec?.selectors ?? []), ...(exactly.selectors ?? [])].map((s) => s.cel?.expression ?? 'true');
      const selectors = this.selectorsFor(expressions);
      if (selectors.unsupported) return DRA_MESSAGE.notModelled(claimName, `request ${requestName}: ${selectors.unsupported}`);
      const all = exactly.allocationMode === 'All';
      requests.push({ name: requestName, deviceClass: exactly.deviceClassName, all, count: all ? 0 : (exactly.count ?? 1), selectors });
    }
    const matchAttributes: { requests: string[]; attribute: string }[] = [];
    for (const c of spec?.devices?.constraints ?? []) {
      if (c.distinctAttribute) return DRA_MESSAGE.notModelled(claimName, 'distinctAttribute constraints');
      if (c.matchAttribute) matchAttributes.push({ requests: c.requests ?? [], attribute: c.matchAttribute });
    }
    return { name: claimName, requests, matchAttributes };
  }

  /** One Selectors per expression list, shared by every claim that asks the same. */
  private selectorsFor(expressions: readonly string[]): Selectors {
    const key = JSON.stringify(expressions);
    let selectors = this.selectors.get(key);
    if (!selectors) this.selectors.set(key, (selectors = new Selectors(expressions)));
    return selectors;
  }
}
