// DRA for explain: per claim request of the group's pending members, the device class, how many
// devices each claim takes, how many claims the gang still needs allocated, and how many matching
// devices are free where (before the cycle). When DynamicResources keeps the gang pending, the hint
// says which request runs short and what would make it fit: "add nodes with cpu" is wrong when
// the nodes need devices.

import { namespaceOf, type Pod } from '@kubectl-workload/api';
import { DRA_MESSAGE, podInfo, type FreeOnNode, type Simulation } from '@kubectl-workload/simulator';
import { plural } from '../links/objects.js';
import type { NodeReasonCount } from './analysis.js';

export interface DeviceRequestRow {
  /** Where the claim comes from: `ResourceClaimTemplate two-gpus`, `PodGroup train: ResourceClaimTemplate imex`. */
  readonly claim: string;
  readonly request: string;
  readonly deviceClass: string;
  /** Devices each claim takes; `All`: every matching device of its node. */
  readonly perClaim: number | 'All';
  /** Claims still to allocate (one when the pods share it). */
  readonly claims: number;
  readonly pods: number;
  /** Published devices the class and request selectors match, and how many of them no claim holds. */
  readonly matching: number;
  readonly free: number;
  readonly freeByNode: readonly FreeOnNode[];
  /** How many claims the free devices can serve, each on one node (null for `All`, which depends on each node). */
  readonly claimsFit: number | null;
  /** Why the simulator cannot judge some device for this request. */
  readonly notModelled: string | null;
}

export interface DeviceAnalysis {
  readonly requests: readonly DeviceRequestRow[];
  /** A PreFilter rejection of a member's claims (claim missing, class missing, …). */
  readonly rejected: string | null;
}

interface Accumulated {
  row: Omit<DeviceRequestRow, 'claims' | 'pods' | 'claimsFit'>;
  claimKeys: Set<string>;
  pods: number;
}

function claimsFit(perClaim: number | 'All', free: number, byNode: readonly FreeOnNode[]): number | null {
  if (perClaim === 'All' || perClaim <= 0) return null;
  const onNodes = byNode.reduce((sum, n) => sum + Math.floor(n.devices / perClaim), 0);
  return Math.min(onNodes, Math.floor(free / perClaim));
}

/** The device demand of the members not yet bound, on the simulation's state before its cycle; null without claims. */
export function analyseDevices(simulation: Simulation, members: readonly Pod[]): DeviceAnalysis | null {
  const dra = simulation.cluster.dra;
  const pending = members.filter((p) => !p.spec?.nodeName && (p.spec?.resourceClaims ?? []).length > 0);
  if (!dra || pending.length === 0) return null;
  const rows = new Map<string, Accumulated>();
  let rejected: string | null = null;
  for (const pod of pending) {
    const claims = dra.describe(podInfo(pod, new Map(), 0), simulation.cluster.nodes);
    if (typeof claims === 'string') {
      rejected ??= `pod ${namespaceOf(pod)}/${pod.metadata?.name ?? ''}: ${claims}`;
      continue;
    }
    for (const claim of claims) {
      for (const r of claim.requests) {
        const id = `${claim.origin}\u0000${r.request}`;
        let acc = rows.get(id);
        if (!acc) {
          const { matching, free, byNode, notModelled } = r.devices;
          acc = {
            row: {
              claim: claim.origin,
              request: r.request,
              deviceClass: r.deviceClass,
              perClaim: r.count,
              matching,
              free,
              freeByNode: byNode,
              notModelled: notModelled ?? null,
            },
            claimKeys: new Set(),
            pods: 0,
          };
          rows.set(id, acc);
        }
        acc.claimKeys.add(claim.key);
        acc.pods++;
      }
    }
  }
  const requests = [...rows.values()].map(
    ({ row, claimKeys, pods }): DeviceRequestRow => ({
      ...row,
      claims: claimKeys.size,
      pods,
      claimsFit: claimsFit(row.perClaim, row.free, row.freeByNode),
    }),
  );
  return { requests, rejected };
}

const SHOWN_NODES = 4;

/** `n1 2, n2 1, +3 more nodes`: where the free devices are. */
export function freeWhere(byNode: readonly FreeOnNode[]): string {
  if (byNode.length === 0) return 'none';
  const shown = byNode.slice(0, SHOWN_NODES).map((n) => `${n.node} ${n.devices}`);
  const more = byNode.length - SHOWN_NODES;
  return more > 0 ? `${shown.join(', ')}, +${more} more ${more === 1 ? 'node' : 'nodes'}` : shown.join(', ');
}

function devices(n: number, cls: string): string {
  return `${n} ${cls} ${n === 1 ? 'device' : 'devices'}`;
}

const NOT_MODELLED = ': not modelled by the simulator: ';

function isDraReason(reason: string): boolean {
  return reason === DRA_MESSAGE.cannotAllocate || reason === DRA_MESSAGE.notAvailableOnNode || reason.includes(NOT_MODELLED);
}

const CHECK_BY_HAND = 'the simulator cannot judge it, so check the claim against the devices by hand';

/** The hint when DynamicResources is what keeps the gang pending; null otherwise. */
export function deviceHint(analysis: DeviceAnalysis | null, reasons: readonly NodeReasonCount[]): string | null {
  if (!analysis) return null;
  if (analysis.rejected?.includes(NOT_MODELLED)) return `${analysis.rejected}; ${CHECK_BY_HAND}`;
  if (analysis.rejected) return `fix the pods' ResourceClaims first (${analysis.rejected}); until then no node can take the pod`;
  if (!reasons.some((r) => isDraReason(r.reason))) return null;
  const unjudged = analysis.requests.find((r) => r.notModelled);
  if (unjudged) return `${unjudged.claim}, request ${unjudged.request}: ${unjudged.notModelled}; ${CHECK_BY_HAND}`;
  const short = analysis.requests.find((r) => r.claimsFit !== null && r.claimsFit < r.claims);
  if (short && typeof short.perClaim === 'number') {
    const each = short.perClaim;
    const missing = short.claims - (short.claimsFit ?? 0);
    const users = short.claims === 1 && short.pods > 1 ? `the ${short.pods} pods share 1 claim` : plural(short.claims, 'claim');
    return (
      `${short.claim}, request ${short.request}: ${users} of ${devices(each, short.deviceClass)} each; ` +
      `${short.free} of ${short.matching} matching devices are free (${freeWhere(short.freeByNode)}), enough for ${plural(short.claimsFit ?? 0, 'claim')}; ` +
      `free or add ${devices(missing * each, short.deviceClass)} (${each} on one node per claim) on nodes the pods can use; nodes without such devices do not help`
    );
  }
  if (reasons.some((r) => r.reason === DRA_MESSAGE.notAvailableOnNode))
    return `a claim of the pods is already allocated and can only be used on some nodes (${DRA_MESSAGE.notAvailableOnNode}): free room there, or deallocate the claim`;
  return `the pods' device claims cannot be allocated together on the nodes left (${DRA_MESSAGE.cannotAllocate}): check the requests' selectors and constraints against the free devices`;
}
