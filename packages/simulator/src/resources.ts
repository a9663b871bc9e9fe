// Pod requests the way the scheduler computes them (k8s.io/component-helpers resource.PodRequests):
// regular containers summed, init containers max'ed with restartable (sidecar) init containers
// running alongside, pod-level requests for cpu/memory when set, then overhead.

import { schedulerUnits, type Container, type Pod, type ResourceList } from '@kubectl-workload/api';

export type Requests = Map<string, number>;

/** Scoring's stand-in for a missing container request (DefaultMilliCPURequest, DefaultMemoryRequest). */
export const NON_ZERO_MILLI_CPU = 100;
export const NON_ZERO_MEMORY = 200 * 1024 * 1024;

/** Resources pod-level `spec.resources` may set (PodLevelResources). */
const POD_LEVEL_RESOURCES = new Set(['cpu', 'memory']);

export class RequestsError extends Error {}

// Clusters repeat a handful of quantities across thousands of pods: each (unit, text) is parsed
// once. Keyed by cpu (millicores) or not; bounded by the distinct quantities of the input.
const parsedMilli = new Map<string | number, number>();
const parsedWhole = new Map<string | number, number>();

function units(name: string, value: string | number): number {
  const cache = name === 'cpu' ? parsedMilli : parsedWhole;
  let parsed = cache.get(value);
  if (parsed === undefined) {
    parsed = schedulerUnits(name, value);
    cache.set(value, parsed);
  }
  return parsed;
}

function readList(list: ResourceList | undefined, where: string): Requests {
  const out: Requests = new Map();
  // for-in, not Object.entries: no pair arrays for each of a large cluster's containers.
  for (const name in list) {
    try {
      out.set(name, units(name, list[name] as string | number));
    } catch (err) {
      throw new RequestsError(`${where}[${name}]: ${(err as Error).message}`, { cause: err });
    }
  }
  return out;
}

/** API defaulting copies a limit into a missing request; snapshots written by hand may lack it. */
function containerRequests(container: Container, where: string): Requests {
  const requests = readList(container.resources?.requests, `${where}.resources.requests`);
  for (const [name, value] of readList(container.resources?.limits, `${where}.resources.limits`)) {
    if (!requests.has(name)) requests.set(name, value);
  }
  return requests;
}

function add(into: Requests, from: Requests): void {
  for (const [name, value] of from) into.set(name, (into.get(name) ?? 0) + value);
}

function max(into: Requests, from: Requests): void {
  for (const [name, value] of from) into.set(name, Math.max(into.get(name) ?? 0, value));
}

function withNonZero(requests: Requests): Requests {
  const copy = new Map(requests);
  if (!copy.has('cpu')) copy.set('cpu', NON_ZERO_MILLI_CPU);
  if (!copy.has('memory')) copy.set('memory', NON_ZERO_MEMORY);
  return copy;
}

export interface PodRequests {
  /** What NodeResourcesFit filters on and BalancedAllocation scores on. */
  readonly requests: Requests;
  /** cpu and memory with missing container requests defaulted: what LeastAllocated scores on. */
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
}

/** A pod's request lists, each read once: the two aggregates below share them. */
interface PodLists {
  readonly containers: Requests[];
  readonly initContainers: { readonly requests: Requests; readonly sidecar: boolean }[];
  readonly podLevel: Requests;
  readonly overhead: Requests;
}

function readPod(pod: Pod): PodLists {
  const spec = pod.spec ?? {};
  return {
    containers: (spec.containers ?? []).map((c, i) => containerRequests(c, `spec.containers[${i}]`)),
    initContainers: (spec.initContainers ?? []).map((c, i) => ({
      requests: containerRequests(c, `spec.initContainers[${i}]`),
      sidecar: c.restartPolicy === 'Always',
    })),
    podLevel: readList(spec.resources?.requests, 'spec.resources.requests'),
    overhead: readList(spec.overhead, 'spec.overhead'),
  };
}

function aggregate(lists: PodLists, nonZero: boolean): Requests {
  const read = (requests: Requests): Requests => (nonZero ? withNonZero(requests) : requests);
  const total: Requests = new Map();
  for (const c of lists.containers) add(total, read(c));
  const sidecars: Requests = new Map();
  const initMax: Requests = new Map();
  for (const c of lists.initContainers) {
    const own = read(c.requests);
    if (c.sidecar) {
      add(total, own);
      add(sidecars, own);
      max(initMax, sidecars);
    } else {
      const during = new Map(own);
      add(during, sidecars);
      max(initMax, during);
    }
  }
  max(total, initMax);
  for (const [name, value] of lists.podLevel) if (POD_LEVEL_RESOURCES.has(name)) total.set(name, value);
  add(total, lists.overhead);
  return total;
}

/** No container lacks a cpu or memory request: defaulting changes nothing, so the two aggregates agree. */
function requestsCpuAndMemory(lists: PodLists): boolean {
  const both = (r: Requests): boolean => r.has('cpu') && r.has('memory');
  return lists.containers.every(both) && lists.initContainers.every((c) => both(c.requests));
}

/** Throws RequestsError naming the field of a malformed quantity. */
export function podRequests(pod: Pod): PodRequests {
  const lists = readPod(pod);
  const requests = aggregate(lists, false);
  // Most pods request both: reuse their aggregate instead of building a second one (150k bound pods).
  const nonZero = requestsCpuAndMemory(lists) ? requests : aggregate(lists, true);
  const nonZeroMilliCpu = nonZero.get('cpu') ?? 0;
  const nonZeroMemory = nonZero.get('memory') ?? 0;
  for (const [name, value] of requests) if (value === 0) requests.delete(name);
  return { requests, nonZeroMilliCpu, nonZeroMemory };
}

export function isBestEffort(requests: Requests): boolean {
  return !requests.has('cpu') && !requests.has('memory');
}
