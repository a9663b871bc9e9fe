// The devices ResourceSlices publish, as the structured allocator sees them: pools at their newest
// generation (older slices of a pool are ignored, as upstream GatherPools does), sorted by driver and
// pool name, devices in slice order. Each device gets a dense index so that allocation state and
// selector verdicts are flat arrays. A pool missing slices of its newest generation (incomplete) or
// naming a device twice (invalid) lends no device, as upstream's allocator skips it; pools are judged
// over all their slices, where upstream counts those a node can see (the same for node-local pools).

import type { CelInput } from '@bufbuild/cel';
import type { Device, DeviceAttribute, NodeSelector, ResourceSlice } from '@kubectl-workload/api';
import type { NodeInfo } from '../../cluster.js';
import { nodeSelectorMatches } from '../../selectors.js';
import { deviceValue } from './cel.js';

/** Where a device can be used: one node (node-local), the nodes a selector matches, or every node. */
export type DeviceReach = { readonly node: string } | { readonly selector: NodeSelector } | { readonly allNodes: true };

/**
 * One published device. What only some devices ever need (the id string, the shape, the CEL value)
 * is computed on first use: a cluster publishes tens of thousands of devices, and a simulation
 * looks at few of them.
 */
export class PublishedDevice {
  private celValue: CelInput | undefined;
  private shapeIndex = -1;

  constructor(
    readonly index: number,
    readonly driver: string,
    readonly pool: string,
    private readonly device: Device,
    readonly reach: DeviceReach,
    /** Shape keys to shape numbers, shared by the inventory's devices. */
    private readonly shapes: Map<string, number>,
  ) {}

  get name(): string {
    return this.device.name ?? '';
  }

  /** `driver/pool/device` (deviceId). */
  get id(): string {
    return deviceId(this.driver, this.pool, this.name);
  }

  get attributes(): Readonly<Record<string, DeviceAttribute>> {
    return this.device.attributes ?? {};
  }

  /** Devices with the same driver, attributes and capacity share a shape (and so every selector verdict). */
  get shape(): number {
    if (this.shapeIndex < 0) {
      const key = `${this.driver}\u0000${JSON.stringify(this.attributes)}\u0000${JSON.stringify(this.device.capacity ?? {})}`;
      let shape = this.shapes.get(key);
      if (shape === undefined) this.shapes.set(key, (shape = this.shapes.size));
      this.shapeIndex = shape;
    }
    return this.shapeIndex;
  }

  /** The `device` CEL value. */
  cel(): CelInput {
    return (this.celValue ??= deviceValue(this.driver, this.device));
  }
}

/** `driver/pool/device`: how allocation results name a device. */
export function deviceId(driver: string, pool: string, device: string): string {
  return `${driver}/${pool}/${device}`;
}

/** Where a slice's devices (or, with perDeviceNodeSelection, one device) can be used. */
function reachOf(source: NonNullable<ResourceSlice['spec']> | Device): DeviceReach | undefined {
  if (source.nodeName) return { node: source.nodeName };
  if (source.nodeSelector) return { selector: source.nodeSelector };
  if (source.allNodes) return { allNodes: true };
  return undefined;
}

export class DeviceInventory {
  readonly devices: readonly PublishedDevice[];
  private ids: Map<string, number> | undefined;
  private readonly nodeLocal = new Map<string, number[]>();
  /** Devices not tied to one node name (network-attached or selector-bound). */
  private readonly shared: number[] = [];
  private readonly perNode = new Map<number, Int32Array>();
  /** Incomplete or invalid pools: where their slices reach, and upstream's words for them. */
  private readonly unusable: { readonly reach: DeviceReach; readonly pool: string }[] = [];

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
    const shapes = new Map<string, number>();
    const unusable = unusablePools(current.map(({ s }) => s));
    for (const { s } of current) {
      const spec = s.spec ?? {};
      const driver = spec.driver ?? '';
      const pool = spec.pool?.name ?? '';
      const sliceReach = spec.perDeviceNodeSelection ? undefined : reachOf(spec);
      const why = unusable.get(`${driver}/${pool}`);
      if (why !== undefined) {
        const reaches = sliceReach ? [sliceReach] : (spec.devices ?? []).map(reachOf);
        for (const reach of reaches) if (reach) this.unusable.push({ reach, pool: `${driver}/${pool} ${why}` });
        continue;
      }
      for (const d of spec.devices ?? []) {
        const reach = sliceReach ?? (spec.perDeviceNodeSelection ? reachOf(d) : undefined);
        if (!reach) continue;
        const index = devices.length;
        devices.push(new PublishedDevice(index, driver, pool, d, reach, shapes));
        if ('node' in reach) {
          const list = this.nodeLocal.get(reach.node);
          if (list) list.push(index);
          else this.nodeLocal.set(reach.node, [index]);
        } else this.shared.push(index);
      }
    }
    this.devices = devices;
  }

  /** Device index by `driver/pool/device` (built on first use: only claims allocated in the snapshot need it). */
  get byId(): ReadonlyMap<string, number> {
    if (!this.ids) {
      this.ids = new Map();
      for (const d of this.devices) this.ids.set(d.id, d.index);
    }
    return this.ids;
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
      // Indexes follow allocator order; node-local ones are already ascending.
      list = reachable.length === 0 ? Int32Array.from(local) : Int32Array.from([...local, ...reachable].sort((a, b) => a - b));
      this.perNode.set(node.index, list);
    }
    return list;
  }

  /** An incomplete or invalid pool the node can see, as upstream names it (`driver/pool is currently …`). */
  unusablePoolOn(node: NodeInfo): string | undefined {
    return this.unusable.find((u) => reaches(u.reach, node))?.pool;
  }
}

/**
 * Upstream GatherPools' verdicts on the newest slices: a pool with fewer or more slices than its
 * resourceSliceCount is being updated; one naming a device twice is invalid.
 */
function unusablePools(slices: readonly ResourceSlice[]): Map<string, string> {
  const pools = new Map<string, { slices: number; expected: number; names: Set<string>; duplicate: boolean }>();
  for (const s of slices) {
    const key = `${s.spec?.driver ?? ''}/${s.spec?.pool?.name ?? ''}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { slices: 0, expected: s.spec?.pool?.resourceSliceCount ?? 0, names: new Set(), duplicate: false }));
    pool.slices++;
    for (const d of s.spec?.devices ?? []) {
      if (pool.names.has(d.name ?? '')) pool.duplicate = true;
      pool.names.add(d.name ?? '');
    }
  }
  const out = new Map<string, string>();
  for (const [key, pool] of pools) {
    if (pool.slices !== pool.expected) out.set(key, 'is currently being updated');
    else if (pool.duplicate) out.set(key, 'is currently invalid');
  }
  return out;
}

export function reaches(reach: DeviceReach, node: NodeInfo): boolean {
  if ('node' in reach) return reach.node === node.name;
  if ('selector' in reach) return nodeSelectorMatches(reach.selector.nodeSelectorTerms ?? [], node.labels, node.name);
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
