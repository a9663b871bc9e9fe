// NodeVolumeLimits (the CSI limits): the distinct CSI volumes on a node, per driver, may not exceed
// the count its CSINode allows. A claim's volume is its PV's driver and handle, or, while unbound,
// its StorageClass's provisioner and a name for the claim (counted once however many pods share it).
// In-tree volumes and their CSI migration are not counted; a node without a CSINode limit fits.

import type { NodeInfo } from '../cluster.js';
import { REASON } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';
import { claimClass, type VolumeCache } from '../volume-cache.js';

export const NAME = 'NodeVolumeLimits';
export const STATUS: FilterStatus = { plugin: NAME, code: 'Unschedulable', reasons: [REASON.maxVolumeCount] };

/** Unique volume name → CSI driver, for the claims of `pod` (filterAttachableVolumes). */
function attachable(pod: PodInfo, cache: VolumeCache, out: Map<string, string>): void {
  for (const { claimName } of pod.volumeClaims) {
    const claim = cache.claim(pod.namespace, claimName);
    if (!claim) continue;
    const pv = claim.spec?.volumeName ? cache.volume(claim.spec.volumeName) : undefined;
    let driver: string | undefined;
    let handle: string | undefined;
    if (pv) {
      driver = pv.spec?.csi?.driver;
      handle = pv.spec?.csi?.volumeHandle;
    } else {
      // Unbound (or its PV is gone): the class's provisioner, one handle per claim.
      driver = cache.storageClass(claimClass(claim))?.provisioner;
      handle = `${pod.namespace}/${claimName}`;
    }
    if (driver && handle) out.set(`${driver}/${handle}`, driver);
  }
}

/** The CSINode's allocatable count per driver. */
function limits(node: NodeInfo, cache: VolumeCache): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of cache.csiNode(node.name)?.spec?.drivers ?? [])
    if (d.allocatable?.count !== undefined) out.set(d.name, d.allocatable.count);
  return out;
}

export function filter(pod: PodInfo, node: NodeInfo, podsOnNode: readonly PodInfo[], cache: VolumeCache): boolean {
  if (pod.volumeClaims.length === 0) return true;
  const wanted = new Map<string, string>();
  attachable(pod, cache, wanted);
  if (wanted.size === 0) return true;
  const max = limits(node, cache);
  if (max.size === 0) return true;
  const attached = new Map<string, string>();
  for (const existing of podsOnNode) if (existing.volumeClaims.length > 0) attachable(existing, cache, attached);
  const attachedCount = new Map<string, number>();
  for (const [name, driver] of attached) {
    // A volume already attached for another pod is not attached again.
    wanted.delete(name);
    attachedCount.set(driver, (attachedCount.get(driver) ?? 0) + 1);
  }
  const newCount = new Map<string, number>();
  for (const driver of wanted.values()) newCount.set(driver, (newCount.get(driver) ?? 0) + 1);
  for (const [driver, count] of newCount) {
    const limit = max.get(driver);
    if (limit !== undefined && (attachedCount.get(driver) ?? 0) + count > limit) return false;
  }
  return true;
}
