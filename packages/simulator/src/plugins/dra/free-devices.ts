// What explain needs to say why a claim cannot be allocated: for one request, how many published
// devices its class and selectors match, how many of those are free, and on which nodes they can
// be used. Counted on the state before the cycle; the allocator itself stays the judge of fit.

import type { NodeInfo } from '../../cluster.js';
import { MATCH, NOT_MODELLED, type Selectors } from './cel.js';
import type { DeviceInventory } from './devices.js';
import { reaches } from './devices.js';

export interface FreeOnNode {
  readonly node: string;
  readonly devices: number;
}

export interface FreeDevices {
  /** Published devices the class and request selectors match. */
  readonly matching: number;
  /** Of those, the ones no claim holds. */
  readonly free: number;
  /** Nodes that can use at least one free matching device, most devices first, then by name. */
  readonly byNode: readonly FreeOnNode[];
  /** Set when a device could not be judged: the counts then leave it out. */
  readonly notModelled: string | undefined;
}

export function freeDevices(selectors: Selectors, inventory: DeviceInventory, taken: Uint8Array, nodes: readonly NodeInfo[]): FreeDevices {
  let matching = 0;
  let notModelled: string | undefined;
  const freeIndexes: number[] = [];
  for (const device of inventory.devices) {
    const verdict = selectors.verdict(device);
    if (verdict === NOT_MODELLED) notModelled ??= selectors.notModelledOn(device);
    if (verdict !== MATCH) continue;
    matching++;
    if (taken[device.index] !== 1) freeIndexes.push(device.index);
  }
  const perNode = new Map<string, number>();
  for (const i of freeIndexes) {
    const reach = inventory.devices[i]?.reach;
    if (!reach) continue;
    if ('node' in reach) perNode.set(reach.node, (perNode.get(reach.node) ?? 0) + 1);
    else for (const n of nodes) if (reaches(reach, n)) perNode.set(n.name, (perNode.get(n.name) ?? 0) + 1);
  }
  const byNode = [...perNode]
    .map(([node, devices]) => ({ node, devices }))
    .sort((a, b) => b.devices - a.devices || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return { matching, free: freeIndexes.length, byNode, notModelled };
}
