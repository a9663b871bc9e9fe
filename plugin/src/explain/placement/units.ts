// Scheduler units (cpu in millicores, memory and storage in bytes, the rest as counts) back to
// the quantities people write: 4, 500m, 16Gi.

const BINARY_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage']);

function trimmed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

export function formatAmount(resource: string, value: number): string {
  if (resource === 'cpu') return value % 1000 === 0 ? String(value / 1000) : `${Math.round(value)}m`;
  if (BYTE_RESOURCES.has(resource)) {
    const suffix = BINARY_SUFFIXES.find(([, size]) => Math.abs(value) >= size);
    return suffix ? `${trimmed(value / suffix[1])}${suffix[0]}` : String(Math.round(value));
  }
  return trimmed(value);
}

/** `4 cpu, 16Gi memory, 1 nvidia.com/gpu`. */
export function formatRequests(requests: ReadonlyMap<string, number>): string {
  return [...requests].map(([name, value]) => `${formatAmount(name, value)} ${name}`).join(', ');
}
