// The storage objects of one simulation as the volume plugins' listers see them (PVCs, PVs,
// StorageClasses, CSINodes), plus what this run assumed: upstream volumebinding's PV and PVC assume
// caches. Reserve (a pod added to the scheduler cache) prebinds the PVs its claims matched on that
// node and marks claims it provisions; unreserve (removed) takes them back. So within one gang
// cycle two members never bind the same PV, and a claim shared by members follows the first one.

import {
  parseQuantity,
  type CSINode,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type StorageClass,
} from '@kubectl-workload/api';
import { nodeSelectorMatches, type Labels } from './selectors.js';

/** volume.AnnBindCompleted: the PV controller finished binding the claim. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** volume.AnnSelectedNode: the node a WaitForFirstConsumer claim is provisioned for. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The beta storage-class annotation still wins over spec.storageClassName (GetPersistentVolumeClaimClass). */
const ANN_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
/** volume.NotSupportedProvisioner: a class for pre-created PVs only. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** What the volume plugins leave out, said once per run that has a pending pod with a claim. */
export const VOLUME_NOTE =
  'volumes: dynamic provisioning is taken to succeed wherever the StorageClass allowedTopologies allow (CSI storage capacity, CSIStorageCapacity, is not modelled); in-tree volume limits, CSI migration and VolumeRestrictions are not modelled';

/** The note, once, when a pending pod mounts a claim. */
export function volumeNotes(pods: readonly Pod[]): string[] {
  return pods.some((p) => !p.spec?.nodeName && podClaims(p).length > 0) ? [VOLUME_NOTE] : [];
}

/** One claim-backed volume of a pod: a persistentVolumeClaim, or a generic ephemeral volume's claim. */
export interface PodClaim {
  readonly claimName: string;
  readonly ephemeral: boolean;
}

// Most pods have no claim-backed volume: they share one empty list (150k bound pods in a large snapshot).
const NONE: readonly never[] = [];

/** The claims a pod's volumes name, in spec order (ephemeral.VolumeClaimName for ephemeral ones). */
export function podClaims(pod: Pod): readonly PodClaim[] {
  let out: PodClaim[] | undefined;
  for (const v of pod.spec?.volumes ?? NONE) {
    if (v.persistentVolumeClaim) (out ??= []).push({ claimName: v.persistentVolumeClaim.claimName ?? '', ephemeral: false });
    else if (v.ephemeral) (out ??= []).push({ claimName: `${pod.metadata?.name ?? ''}-${v.name ?? ''}`, ephemeral: true });
  }
  return out ?? NONE;
}

export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.metadata?.annotations?.[ANN_STORAGE_CLASS] ?? claim.spec?.storageClassName ?? '';
}

export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[ANN_STORAGE_CLASS] ?? pv.spec?.storageClassName ?? '';
}

/**
 * Fully bound: the PV controller set volumeName and bind-completed. A hand-written `status.phase:
 * Bound` counts too: the controller sets the annotation before it ever writes that phase.
 */
export function isFullyBound(claim: PersistentVolumeClaim): boolean {
  if (!claim.spec?.volumeName) return false;
  return claim.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined || claim.status?.phase === 'Bound';
}

/** volume.CheckNodeAffinity: a PV without required node affinity fits every node; matchFields never match. */
export function volumeFitsNode(pv: PersistentVolume, labels: Labels): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  return !required || nodeSelectorMatches(required.nodeSelectorTerms ?? [], labels, '');
}

/** util.GetLocalPersistentVolumeNodeNames: hostname `In` values per term, intersected within and united across terms. */
export function hostnameNodeNames(pv: PersistentVolume): Set<string> | undefined {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return undefined;
  const result = new Set<string>();
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const req of term.matchExpressions ?? []) {
      if (req.key !== HOSTNAME_LABEL || req.operator !== 'In') continue;
      const values = new Set(req.values ?? []);
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    for (const n of names ?? []) result.add(n);
  }
  return result.size > 0 ? result : undefined;
}

/** storage quantities compared exactly (resource.Quantity.Cmp); an absent request is 0. */
function storageOf(list: Readonly<Record<string, string | number>> | undefined): bigint {
  const value = list?.storage;
  return value === undefined ? 0n : parseQuantity(value).nanos;
}

export function claimRequest(claim: PersistentVolumeClaim): bigint {
  return storageOf(claim.spec?.resources?.requests);
}

export function volumeCapacity(pv: PersistentVolume): bigint {
  return storageOf(pv.spec?.capacity);
}

export interface ClaimRef {
  readonly namespace?: string;
  readonly name?: string;
  readonly uid?: string;
}

/** A static binding Reserve assumed, or a claim it provisions on a node. */
export interface PodVolumes {
  readonly bindings: readonly { readonly claimKey: string; readonly pv: string }[];
  readonly provisions: readonly string[];
}

export class VolumeCache {
  private readonly claims = new Map<string, PersistentVolumeClaim>();
  private readonly volumes = new Map<string, PersistentVolume>();
  private readonly classes = new Map<string, StorageClass>();
  private readonly csiNodes = new Map<string, CSINode>();
  /** PVs by storage class (pvCache.ListPVs), in name order. */
  private readonly byClass = new Map<string, PersistentVolume[]>();
  /** PV name → claim prebound by an assumed pod (AssumePodVolumes' pvCache.Assume). */
  private readonly assumedRefs = new Map<string, ClaimRef>();
  /** Claim key → node it is assumed provisioned for (the selected-node annotation in the PVC assume cache). */
  private readonly assumedNodes = new Map<string, string>();
  /** Pod key → what its Reserve assumed. */
  private readonly reserved = new Map<string, PodVolumes>();

  constructor(
    claims: readonly PersistentVolumeClaim[] = [],
    volumes: readonly PersistentVolume[] = [],
    classes: readonly StorageClass[] = [],
    csiNodes: readonly CSINode[] = [],
  ) {
    for (const c of claims) this.claims.set(`${c.metadata?.namespace || 'default'}/${c.metadata?.name ?? ''}`, c);
    const sorted = [...volumes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    for (const pv of sorted) {
      this.volumes.set(pv.metadata?.name ?? '', pv);
      const cls = volumeClass(pv);
      const list = this.byClass.get(cls);
      if (list) list.push(pv);
      else this.byClass.set(cls, [pv]);
    }
    for (const sc of classes) this.classes.set(sc.metadata?.name ?? '', sc);
    for (const n of csiNodes) this.csiNodes.set(n.metadata?.name ?? '', n);
  }

  claim(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.claims.get(`${namespace}/${name}`);
  }

  volume(name: string): PersistentVolume | undefined {
    return this.volumes.get(name);
  }

  storageClass(name: string): StorageClass | undefined {
    return this.classes.get(name);
  }

  csiNode(name: string): CSINode | undefined {
    return this.csiNodes.get(name);
  }

  volumesOfClass(cls: string): readonly PersistentVolume[] {
    return this.byClass.get(cls) ?? [];
  }

  /** The claim a PV is bound or assumed-prebound to. */
  claimRef(pv: PersistentVolume): ClaimRef | undefined {
    return this.assumedRefs.get(pv.metadata?.name ?? '') ?? pv.spec?.claimRef;
  }

  /** The selected-node annotation, as assumed by this run or written by an earlier scheduler. */
  selectedNode(claimKey: string, claim: PersistentVolumeClaim): string | undefined {
    return this.assumedNodes.get(claimKey) ?? claim.metadata?.annotations?.[ANN_SELECTED_NODE];
  }

  /** Reserve (AssumePodVolumes): prebind the PVs VolumeBinding chose on the node, mark claims it provisions there. */
  assume(podKey: string, nodeName: string, volumes: PodVolumes): void {
    if (volumes.bindings.length === 0 && volumes.provisions.length === 0) return;
    for (const b of volumes.bindings) {
      const claim = this.claims.get(b.claimKey);
      this.assumedRefs.set(b.pv, {
        namespace: claim?.metadata?.namespace || 'default',
        name: claim?.metadata?.name ?? '',
        uid: claim?.metadata?.uid ?? '',
      });
    }
    for (const key of volumes.provisions) this.assumedNodes.set(key, nodeName);
    this.reserved.set(podKey, volumes);
  }

  /** Unreserve: RevertAssumedPodVolumes. */
  release(podKey: string): void {
    const volumes = this.reserved.get(podKey);
    if (!volumes) return;
    for (const b of volumes.bindings) this.assumedRefs.delete(b.pv);
    for (const key of volumes.provisions) this.assumedNodes.delete(key);
    this.reserved.delete(podKey);
  }
}
