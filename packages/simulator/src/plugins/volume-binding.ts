// VolumeBinding: PreFilter sorts the pod's claims into fully bound, delayed (WaitForFirstConsumer,
// unbound) and unbound immediate ones, rejecting the pod while an immediate claim waits for the PV
// controller; bound local PVs narrow the nodes (PreFilterResult). Filter checks bound PVs' node
// affinity and, per delayed claim, finds the smallest matching unbound PV on the node or a class
// that can provision there. Reserve assumes the choice (VolumeCache). CSI storage capacity and the
// StorageCapacityScoring score are not modelled: provisioning is taken to have room.

import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '@kubectl-workload/api';
import type { NodeInfo } from '../cluster.js';
import { REASON, VOLUME_MESSAGE } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import { labelSelectorMatches, type Labels } from '../selectors.js';
import type { FilterStatus } from '../status.js';
import {
  claimClass,
  claimRequest,
  hostnameNodeNames,
  isFullyBound,
  NO_PROVISIONER,
  volumeCapacity,
  volumeClass,
  volumeFitsNode,
  type ClaimRef,
  type PodVolumes,
  type VolumeCache,
} from '../volume-cache.js';

export const NAME = 'VolumeBinding';

interface DelayedClaim {
  readonly key: string;
  readonly claim: PersistentVolumeClaim;
}

export interface FilterState {
  readonly bound: readonly { readonly claim: PersistentVolumeClaim; readonly pv: PersistentVolume | undefined }[];
  /** Sorted by requested storage, smallest first (findMatchingVolumes' byPVCSize). */
  readonly delayed: readonly DelayedClaim[];
  /** Node names bound local PVs pin the pod to (GetEligibleNodes); undefined: every node. */
  readonly eligible: ReadonlySet<string> | undefined;
}

/** PreFilter: undefined when the pod has no claims (Skip); else the state or the rejection message. */
export type PreFilterResult = { readonly state: FilterState } | { readonly rejection: string } | undefined;

/** volume.IsDelayBindingMode; the API server defaults volumeBindingMode to Immediate. */
function delaysBinding(claim: PersistentVolumeClaim, cache: VolumeCache): boolean {
  const cls = claimClass(claim);
  return cls !== '' && cache.storageClass(cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/**
 * metav1.IsControlledBy: an ephemeral volume's claim must be controlled by its pod. A pod without a
 * uid (written by hand, or made by `simulate -f`) is matched by name instead.
 */
function controlledBy(claim: PersistentVolumeClaim, pod: PodInfo): boolean {
  const uid = pod.pod.metadata?.uid;
  return (claim.metadata?.ownerReferences ?? []).some(
    (ref) => ref.controller === true && (uid ? ref.uid === uid : ref.kind === 'Pod' && ref.name === pod.name),
  );
}

/** podHasPVCs' checks: the claim exists, is not lost or being deleted, and an ephemeral one belongs to the pod. */
function claimProblem(pod: PodInfo, name: string, ephemeral: boolean, claim: PersistentVolumeClaim | undefined): string | undefined {
  if (!claim) return ephemeral ? VOLUME_MESSAGE.ephemeralClaimMissing(name) : VOLUME_MESSAGE.claimNotFound(name);
  if (claim.status?.phase === 'Lost') return VOLUME_MESSAGE.claimLost(name, claim.spec?.volumeName ?? '');
  if (claim.metadata?.deletionTimestamp) return VOLUME_MESSAGE.claimDeleting(name);
  if (ephemeral && !controlledBy(claim, pod)) return VOLUME_MESSAGE.notOwner(`${pod.namespace}/${name}`, pod.key);
  return undefined;
}

export function preFilter(pod: PodInfo, cache: VolumeCache): PreFilterResult {
  if (pod.volumeClaims.length === 0) return undefined;
  const found: DelayedClaim[] = [];
  for (const { claimName, ephemeral } of pod.volumeClaims) {
    const claim = cache.claim(pod.namespace, claimName);
    const problem = claimProblem(pod, claimName, ephemeral, claim);
    if (problem) return { rejection: problem };
    found.push({ key: `${pod.namespace}/${claimName}`, claim: claim as PersistentVolumeClaim });
  }
  const bound: { claim: PersistentVolumeClaim; pv: PersistentVolume | undefined }[] = [];
  const delayed: DelayedClaim[] = [];
  for (const c of found) {
    if (isFullyBound(c.claim)) bound.push({ claim: c.claim, pv: cache.volume(c.claim.spec?.volumeName ?? '') });
    // A prebound claim (volumeName set, binding not completed) waits for the PV controller too.
    else if (delaysBinding(c.claim, cache) && !c.claim.spec?.volumeName) delayed.push(c);
    else return { rejection: VOLUME_MESSAGE.unboundImmediate };
  }
  delayed.sort((a, b) => {
    const d = claimRequest(a.claim) - claimRequest(b.claim);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
  const eligible = eligibleNodes(bound);
  if (eligible?.size === 0) return { rejection: VOLUME_MESSAGE.noEligibleNodes(NAME) };
  return { state: { bound, delayed, eligible } };
}

/** GetEligibleNodes: the intersection of bound local PVs' hostnames; no narrowing when a PV is missing. */
function eligibleNodes(bound: FilterState['bound']): Set<string> | undefined {
  let eligible: Set<string> | undefined;
  for (const { pv } of bound) {
    if (!pv) return undefined;
    const names = hostnameNodeNames(pv);
    if (!names) continue;
    eligible = eligible ? new Set([...eligible].filter((n) => names.has(n))) : names;
  }
  return eligible;
}

/** The status of a node the PreFilterResult left out. */
export const ABSENT_STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.preFilterNodes([NAME])] };

function boundToClaim(ref: ClaimRef | undefined, claim: PersistentVolumeClaim): boolean {
  if (!ref) return false;
  if (ref.name !== claim.metadata?.name || (ref.namespace || 'default') !== (claim.metadata?.namespace || 'default')) return false;
  return !ref.uid || ref.uid === (claim.metadata?.uid ?? '');
}

/** volume.FindMatchingVolume on the scheduler path (node set, VolumeAttributesClass on). */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  pvs: readonly PersistentVolume[],
  labels: Labels,
  excluded: ReadonlySet<string>,
  cache: VolumeCache,
): PersistentVolume | undefined {
  const requested = claimRequest(claim);
  const requestedClass = claimClass(claim);
  const selector = claim.spec?.selector;
  const claimMode = claim.spec?.volumeMode ?? 'Filesystem';
  const claimVac = claim.spec?.volumeAttributesClassName ?? '';
  let smallest: PersistentVolume | undefined;
  let smallestSize = 0n;
  for (const pv of pvs) {
    if (excluded.has(pv.metadata?.name ?? '')) continue;
    const ref = cache.claimRef(pv);
    const mine = boundToClaim(ref, claim);
    if (ref && !mine) continue;
    const size = volumeCapacity(pv);
    if (size < requested) continue;
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== claimMode) continue;
    if ((pv.spec?.volumeAttributesClassName ?? '') !== claimVac) continue;
    if (pv.metadata?.deletionTimestamp) continue;
    const fits = volumeFitsNode(pv, labels);
    // A PV prebound to this claim is the only candidate.
    if (mine) return fits ? pv : undefined;
    if (pv.status?.phase !== 'Available') continue;
    if (selector && !labelSelectorMatches(selector, pv.metadata?.labels ?? {})) continue;
    if (volumeClass(pv) !== requestedClass || !fits) continue;
    const modes = new Set(pv.spec?.accessModes ?? []);
    if (!(claim.spec?.accessModes ?? []).every((m) => modes.has(m))) continue;
    if (!smallest || smallestSize > size) {
      smallest = pv;
      smallestSize = size;
    }
  }
  return smallest;
}

/** v1helper.MatchTopologySelectorTerms: no terms match every node. */
function topologyAllows(sc: StorageClass, labels: Labels): boolean {
  const terms = sc.allowedTopologies ?? [];
  if (terms.length === 0) return true;
  return terms.some((term) =>
    (term.matchLabelExpressions ?? []).every((req) => Object.hasOwn(labels, req.key) && req.values.includes(labels[req.key] as string)),
  );
}

/** checkVolumeProvisions without the capacity check: a class with a provisioner whose topology allows the node. */
function canProvision(claims: readonly DelayedClaim[], labels: Labels, cache: VolumeCache): boolean {
  return claims.every(({ claim }) => {
    const sc = cache.storageClass(claimClass(claim));
    const provisioner = sc?.provisioner ?? '';
    return sc !== undefined && provisioner !== '' && provisioner !== NO_PROVISIONER && topologyAllows(sc, labels);
  });
}

export interface NodeVolumes {
  /** The conflict reasons in FindPodVolumes' order; empty when the node fits. */
  readonly reasons: string[];
  readonly volumes: PodVolumes;
}

/** FindPodVolumes for one node. */
export function findPodVolumes(state: FilterState, node: NodeInfo, cache: VolumeCache): NodeVolumes {
  const reasons: string[] = [];
  const bindings: { claimKey: string; pv: string }[] = [];
  const provisions: string[] = [];
  let boundFits = true;
  let boundFound = true;
  for (const { pv } of state.bound) {
    if (!pv) {
      boundFound = false;
      break;
    }
    if (!volumeFitsNode(pv, node.labels)) {
      boundFits = false;
      break;
    }
  }
  let unboundFits = true;
  if (state.delayed.length > 0) {
    const toMatch: DelayedClaim[] = [];
    const toProvision: DelayedClaim[] = [];
    for (const d of state.delayed) {
      const selected = cache.selectedNode(d.key, d.claim);
      if (selected === undefined) toMatch.push(d);
      else if (selected === node.name) toProvision.push(d);
      else unboundFits = false;
    }
    if (unboundFits) {
      const chosen = new Set<string>();
      for (const d of toMatch) {
        const pv = findMatchingVolume(d.claim, cache.volumesOfClass(claimClass(d.claim)), node.labels, chosen, cache);
        if (!pv) {
          toProvision.push(d);
          unboundFits = false;
          continue;
        }
        chosen.add(pv.metadata?.name ?? '');
        bindings.push({ claimKey: d.key, pv: pv.metadata?.name ?? '' });
      }
      if (toProvision.length > 0) {
        unboundFits = canProvision(toProvision, node.labels, cache);
        if (unboundFits) for (const d of toProvision) provisions.push(d.key);
      }
    }
  }
  if (!boundFits) reasons.push(REASON.volumeNodeConflict);
  if (!unboundFits) reasons.push(REASON.volumeBindConflict);
  if (!boundFound) reasons.push(REASON.volumeNotExist);
  return { reasons, volumes: { bindings, provisions } };
}

export function filter(state: FilterState, node: NodeInfo, cache: VolumeCache): FilterStatus | undefined {
  if (state.eligible && !state.eligible.has(node.name)) return ABSENT_STATUS;
  const { reasons } = findPodVolumes(state, node, cache);
  return reasons.length > 0 ? { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons } : undefined;
}

/** Reserve: assume what Filter found for the pod on its node; a pod without claims (or rejected) assumes nothing. */
export function reserve(pod: PodInfo, node: NodeInfo, cache: VolumeCache): void {
  const result = preFilter(pod, cache);
  if (!result || 'rejection' in result) return;
  cache.assume(pod.key, node.name, findPodVolumes(result.state, node, cache).volumes);
}
