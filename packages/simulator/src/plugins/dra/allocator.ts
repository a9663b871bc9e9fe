// The structured-parameters allocator for one node (k8s.io/dynamic-resource-allocation/structured,
// the parts GA in 1.36): every claim's requests are filled from the devices usable on the node, in
// allocator order (pools by driver and name, devices in slice order), skipping devices already
// allocated. A device the selectors cannot be evaluated on ends the search, as a CEL error ends
// upstream's Allocate on that node: the node's answer is then "not modelled", never a guess. ExactCount takes `count` devices; All takes every matching device and fails if any of
// them is allocated or none matches. matchAttribute constraints are checked as devices are picked,
// and a failed branch backtracks like upstream's depth-first search, so the answer is "some
// allocation exists", the upstream Allocate semantics.

import type { DeviceAttribute } from '@kubectl-workload/api';
import { MATCH, NOT_MODELLED, type Selectors } from './cel.js';
import type { PublishedDevice } from './devices.js';

export interface RequestToAllocate {
  readonly name: string;
  readonly deviceClass: string;
  readonly all: boolean;
  readonly count: number;
  /** The class's and the request's selectors. */
  readonly selectors: Selectors;
}

export interface ClaimToAllocate {
  /** The pod's name for the claim (spec.resourceClaims[].name), for messages. */
  readonly name: string;
  readonly requests: readonly RequestToAllocate[];
  /** matchAttribute constraints: the request names they cover (empty: all) and the qualified attribute. */
  readonly matchAttributes: readonly { readonly requests: readonly string[]; readonly attribute: string }[];
}

/** One picked device per slot: claim index, request name, device index. */
export interface Pick {
  readonly claim: number;
  readonly request: string;
  readonly device: number;
}

interface Slot {
  readonly claim: number;
  readonly request: RequestToAllocate;
  /** The slot before it of the same request: its device bounds where this one starts (no permutations). */
  readonly sameRequestBefore: boolean;
}

/** The search stopped at a device the selectors cannot be evaluated on. */
export interface NotModelled {
  readonly claim: number;
  readonly request: string;
  /** Which selector, on which device, and why. */
  readonly why: string;
}

/** Upstream gives up after the scheduler's Filter timeout; this bounds the search in steps instead. */
const MAX_STEPS = 1_000_000;

/** Attribute value by qualified name; a bare name in the slice means the driver's domain. */
export function attributeValue(device: PublishedDevice, qualified: string): DeviceAttribute | undefined {
  const direct = device.attributes[qualified];
  if (direct) return direct;
  const slash = qualified.indexOf('/');
  return slash >= 0 && qualified.slice(0, slash) === device.driver ? device.attributes[qualified.slice(slash + 1)] : undefined;
}

function attributeKey(a: DeviceAttribute | undefined): string | undefined {
  if (!a) return undefined;
  if (a.int !== undefined) return `i${a.int}`;
  if (a.bool !== undefined) return `b${a.bool}`;
  if (a.string !== undefined) return `s${a.string}`;
  return a.version === undefined ? undefined : `v${a.version}`;
}

/**
 * Allocates every claim on a node, or returns undefined. `candidates`: the node's devices in
 * allocator order; `taken`: devices allocated to other claims (1 = taken); `unusablePool`: an
 * incomplete or invalid pool the node sees, which ends an All request as it errors upstream.
 */
export function allocate(
  claims: readonly ClaimToAllocate[],
  candidates: Int32Array,
  taken: Uint8Array,
  devices: readonly PublishedDevice[],
  unusablePool?: string,
): Pick[] | NotModelled | undefined {
  const picks: Pick[] = [];
  const used = new Set<number>();
  // All-mode requests first take every matching device (they have no choice to backtrack over).
  const slots: Slot[] = [];
  for (let c = 0; c < claims.length; c++) {
    for (const request of (claims[c] as ClaimToAllocate).requests) {
      if (request.all) {
        if (unusablePool !== undefined)
          return { claim: c, request: request.name, why: `asks for all devices, but resource pool ${unusablePool}` };
        let found = 0;
        for (const d of candidates) {
          const device = devices[d] as PublishedDevice;
          const verdict = request.selectors.verdict(device);
          if (verdict === NOT_MODELLED) return { claim: c, request: request.name, why: request.selectors.notModelledOn(device) };
          if (verdict !== MATCH) continue;
          if (taken[d] === 1 || used.has(d)) return undefined;
          used.add(d);
          picks.push({ claim: c, request: request.name, device: d });
          found++;
        }
        if (found === 0) return undefined;
      } else for (let i = 0; i < request.count; i++) slots.push({ claim: c, request, sameRequestBefore: i > 0 });
    }
  }
  if (!constraintsHold(claims, picks, devices)) return undefined;
  if (tooFewDevices(claims, candidates, taken, used, devices)) return undefined;
  let steps = 0;
  let notModelled: NotModelled | undefined;
  const search = (s: number, from: number): boolean => {
    if (s === slots.length) return true;
    const slot = slots[s] as Slot;
    for (let i = slot.sameRequestBefore ? from : 0; i < candidates.length; i++) {
      if (++steps > MAX_STEPS) return false;
      const d = candidates[i] as number;
      if (taken[d] === 1 || used.has(d)) continue;
      const device = devices[d] as PublishedDevice;
      const verdict = slot.request.selectors.verdict(device);
      if (verdict === NOT_MODELLED) {
        notModelled = { claim: slot.claim, request: slot.request.name, why: slot.request.selectors.notModelledOn(device) };
        return false;
      }
      if (verdict !== MATCH) continue;
      used.add(d);
      picks.push({ claim: slot.claim, request: slot.request.name, device: d });
      if (constraintsHold(claims, picks, devices) && search(s + 1, i + 1)) return true;
      if (notModelled) return false;
      picks.pop();
      used.delete(d);
    }
    return false;
  };
  if (search(0, 0)) return picks;
  return notModelled;
}

/**
 * Whether some ExactCount request matches fewer free devices than it asks for: then no allocation
 * exists, and the search would only learn it by trying every subset of the node's devices (2^n steps
 * up to MAX_STEPS, per node). A device the selectors cannot be evaluated on leaves the answer to the
 * search, which reports it.
 */
function tooFewDevices(
  claims: readonly ClaimToAllocate[],
  candidates: Int32Array,
  taken: Uint8Array,
  used: ReadonlySet<number>,
  devices: readonly PublishedDevice[],
): boolean {
  let short = false;
  for (const claim of claims) {
    for (const request of claim.requests) {
      if (request.all) continue;
      let free = 0;
      for (const d of candidates) {
        if (taken[d] === 1 || used.has(d)) continue;
        const verdict = request.selectors.verdict(devices[d] as PublishedDevice);
        if (verdict === NOT_MODELLED) return false;
        if (verdict === MATCH) free++;
      }
      if (free < request.count) short = true;
    }
  }
  return short;
}

/** Every matchAttribute constraint: all picked devices of its requests share one value of the attribute. */
function constraintsHold(claims: readonly ClaimToAllocate[], picks: readonly Pick[], devices: readonly PublishedDevice[]): boolean {
  for (let c = 0; c < claims.length; c++) {
    for (const constraint of (claims[c] as ClaimToAllocate).matchAttributes) {
      let value: string | undefined;
      for (const p of picks) {
        if (p.claim !== c || (constraint.requests.length > 0 && !constraint.requests.includes(p.request))) continue;
        const key = attributeKey(attributeValue(devices[p.device] as PublishedDevice, constraint.attribute));
        if (key === undefined) return false;
        if (value === undefined) value = key;
        else if (value !== key) return false;
      }
    }
  }
  return true;
}
