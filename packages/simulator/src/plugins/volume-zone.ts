// VolumeZone: the zone and region labels of the PVs a pod's claims are bound to must match the
// node's (a `__`-separated label value is a set of zones). Only persistentVolumeClaim volumes whose
// claim names a PV count; unbound WaitForFirstConsumer claims are left to VolumeBinding. A node
// without any zone or region label fits (single-zone clusters).

import type { NodeInfo } from '../cluster.js';
import { REASON, VOLUME_MESSAGE } from '../messages.js';
import type { PodInfo } from '../pod-info.js';
import type { FilterStatus } from '../status.js';
import { claimClass, type VolumeCache } from '../volume-cache.js';

export const NAME = 'VolumeZone';
export const STATUS: FilterStatus = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [REASON.volumeZoneConflict] };

const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';
const TOPOLOGY_LABELS = [BETA_ZONE, BETA_REGION, ZONE, REGION];
const GA_LABEL: Readonly<Record<string, string>> = { [BETA_ZONE]: ZONE, [BETA_REGION]: REGION };

export interface VolumeTopology {
  readonly key: string;
  readonly values: ReadonlySet<string>;
}

/** PreFilter: undefined to skip (no zoned PV), else the topologies or the rejection message. */
export type PreFilterResult = { readonly topologies: readonly VolumeTopology[] } | { readonly rejection: string } | undefined;

/** volumehelpers.LabelZonesToSet; an unparsable value (an empty zone) is ignored, as upstream logs and skips it. */
function zoneSet(value: string): Set<string> | undefined {
  const zones = value.split('__').map((z) => z.trim());
  return zones.some((z) => z === '') ? undefined : new Set(zones);
}

export function preFilter(pod: PodInfo, cache: VolumeCache): PreFilterResult {
  const topologies: VolumeTopology[] = [];
  for (const { claimName, ephemeral } of pod.volumeClaims) {
    if (ephemeral) continue;
    if (claimName === '') return { rejection: VOLUME_MESSAGE.noClaimName };
    const claim = cache.claim(pod.namespace, claimName);
    if (!claim) return { rejection: VOLUME_MESSAGE.claimNotFound(claimName) };
    const pvName = claim.spec?.volumeName ?? '';
    if (pvName === '') {
      const cls = claimClass(claim);
      if (cls === '') return { rejection: VOLUME_MESSAGE.noVolumeOrClass };
      const sc = cache.storageClass(cls);
      if (!sc) return { rejection: VOLUME_MESSAGE.classNotFound(cls) };
      if (sc.volumeBindingMode === 'WaitForFirstConsumer') continue;
      return { rejection: VOLUME_MESSAGE.noVolumeName };
    }
    const pv = cache.volume(pvName);
    if (!pv) return { rejection: VOLUME_MESSAGE.volumeNotFound(pvName) };
    const labels = pv.metadata?.labels ?? {};
    for (const key of TOPOLOGY_LABELS) {
      const value = labels[key];
      const values = value === undefined ? undefined : zoneSet(value);
      if (values) topologies.push({ key, values });
    }
  }
  return topologies.length > 0 ? { topologies } : undefined;
}

export function filter(topologies: readonly VolumeTopology[], node: NodeInfo): boolean {
  if (!TOPOLOGY_LABELS.some((key) => Object.hasOwn(node.labels, key))) return true;
  return topologies.every(({ key, values }) => {
    // A beta label on the PV also matches the node's GA label.
    const value = node.labels[key] ?? node.labels[GA_LABEL[key] ?? key];
    return value !== undefined && values.has(value);
  });
}
