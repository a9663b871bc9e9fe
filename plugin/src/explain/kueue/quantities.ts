// Quota arithmetic on exact quantities (nanos), and how explain prints the results.

import { parseQuantity, type ResourceList } from '@kubectl-workload/api';

const NANO = 1_000_000_000n;
const MILLI_NANOS = 1_000_000n;
const BINARY: ReadonlyArray<readonly [string, bigint]> = [
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
];

/** A quantity as nanos; an unparsable value counts as 0 (Kueue validated what it wrote). */
export function nanosOf(value: string | number | undefined): bigint {
  if (value === undefined) return 0n;
  try {
    return parseQuantity(value).nanos;
  } catch {
    return 0n;
  }
}

/** Whole units with a binary suffix when exact (memory), else milli-units (cpu), else the decimal value. */
export function formatNanos(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const abs = nanos < 0n ? -nanos : nanos;
  if (abs % NANO === 0n) {
    const units = abs / NANO;
    const binary = BINARY.find(([, size]) => units >= size && units % size === 0n);
    return binary ? `${sign}${units / binary[1]}${binary[0]}` : `${sign}${units}`;
  }
  if (abs % MILLI_NANOS === 0n) return `${sign}${abs / MILLI_NANOS}m`;
  return `${sign}${Number(abs) / 1e9}`;
}

/** Adds a ResourceList into per-resource nanos, `times` over. */
export function addList(into: Map<string, bigint>, list: ResourceList | undefined, times = 1n): void {
  for (const [name, value] of Object.entries(list ?? {})) into.set(name, (into.get(name) ?? 0n) + nanosOf(value) * times);
}
