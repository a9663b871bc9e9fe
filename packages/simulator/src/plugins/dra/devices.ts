// The devices ResourceSlices publish, as the structured allocator sees them: pools at their newest
// generation (older slices of a pool are ignored, as upstream GatherPools does), sorted by driver and
// pool name, devices in slice order. Each device gets a dense index so that allocation state and
// selector verdicts are flat arrays.

import type { CelInput } from '@bufbuild/cel';
import type { Device, DeviceAttribute, NodeSelector, ResourceSlice } from '@kubectl-workload/api';
import type { NodeInfo } from '../../cluster.js';
import { nodeSelectorMatches } from '../../selectors.js';
import { deviceValue } from './cel.js';

/** Where a device can be used: one node (node-local), the nodes a selector matches, or every node. */
export type DeviceReach = { readonly node: string } | { readonly selector: NodeSelector } | { readonly allNodes: true };

export interface PublishedDevice {
  readonly index: number;
  /** `driver/pool/device` (deviceId). */
  readonly id: string;
  readonly driver: string;
  readonly pool: string;
  readonly name: string;
  readonly reach: DeviceReach;
  readonly attributes: Readonly<Record<string, DeviceAttribute>>;
  /** Devices with the same driver and attributes share a shape (and so every selector verdict). */
  readonly shape: number;
  /** The `device` CEL value, built on first use. */
  cel(): CelInput;
}

/** `driver/pool/device`: how allocation results name a device. */
export function deviceId(driver: string, pool: string, device: string): string {
  return `${driver}/${pool}/${device}`;
}

function reachOf(slice: NonNullable<ResourceSlice['spec']>, device: Device): DeviceReach | undefined {
  const source = slice.perDeviceNodeSelection ? device : slice;
  if (source.nodeName) return { node: source.nodeName };
  if (source.nodeSelector) return { selector: source.nodeSelector };
  if (source.allNodes) return { allNodes: true };
  return undefined;
}

export class DeviceInventory {
  readonly devices: readonly PublishedDevice[];
  readonly byId: ReadonlyMap<string, number>;
  private readonly nodeLocal = new Map<string, number[]>();
  /** Devices not tied to one node name (network-attached or selector-bound). */
  private readonly shared: number[] = [];
  private readonly perNode = new Map<number, Int32Array>();

  constructor(slices: readonly ResourceSlice[]) {
    const newest = new Map<string, number>();
    for (const s of slices) {
      const key = `${s.spec?.driver ?? ''}/${s.spec?.pool?.name ?? ''}`;
      newest.set(key, Math.max(newest.get(key) ?? -Infinity, s.spec?.pool?.generation ?? 0));
    }
    const current = slices
      .filter((s) => (s.spec?.pool?.generation ?? 0) === newest.get(`${s.spec?.driver ?? ''}/${s.spec?.pool?.name ?? ''}`))
      .map((s, order) => ({ s, order }))
      .sort(
        (a, b) =>
          cmp(a.s.spec?.driver ?? '', b.s.spec?.driver ?? '') ||
          cmp(a.s.spec?.pool?.name ?? '', b.s.spec?.pool?.name ?? '') ||
          a.order - b.order,
      );
    const devices: PublishedDevice[] = [];
    const byId = new Map<string, number>();
    const shapes = new Map<string, number>();
    for (const { s } of current) {
      const spec = s.spec ?? {};
      const driver = spec.driver ?? '';
      const pool = spec.pool?.name ?? '';
      for (const d of spec.devices ?? []) {
        const reach = reachOf(spec, d);
        const name = d.name ?? '';
        const id = deviceId(driver, pool, name);
        if (!reach || byId.has(id)) continue;
        let value: CelInput | undefined;
        const index = devices.length;
        const shapeKey = `${driver}\u0000${JSON.stringify(d.attributes ?? {})}`;
        let shape = shapes.get(shapeKey);
        if (shape === undefined) shapes.set(shapeKey, (shape = shapes.size));
        devices.push({
          index,
          id,
          driver,
          pool,
          name,
          reach,
          attributes: d.attributes ?? {},
          shape,
          cel: () => (value ??= deviceValue(driver, d)),
        });
        byId.set(id, index);
        if ('node' in reach) {
          const list = this.nodeLocal.get(reach.node);
          if (list) list.push(index);
          else this.nodeLocal.set(reach.node, [index]);
        } else this.shared.push(index);
      }
    }
    this.devices = devices;
    this.byId = byId;
  }

  get size(): number {
    return this.devices.length;
  }

  /** The devices usable on a node, in allocator order (computed once per node). */
  forNode(node: NodeInfo): Int32Array {
    let list = this.perNode.get(node.index);
    if (!list) {
      const local = this.nodeLocal.get(node.name) ?? [];
      const reachable = this.shared.filter((i) => reaches((this.devices[i] as PublishedDevice).reach, node));
      list = Int32Array.from([...local, ...reachable].sort((a, b) => a - b));
      this.perNode.set(node.index, list);
    }
    return list;
  }
}

export function reaches(reach: DeviceReach, node: NodeInfo): boolean {
  if ('node' in reach) return reach.node === node.name;
  if ('selector' in reach) return nodeSelectorMatches(reach.selector.nodeSelectorTerms ?? [], node.labels, node.name);
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
