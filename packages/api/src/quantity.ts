// Exact resource.Quantity parsing (k8s.io/apimachinery pkg/api/resource). Values are held as a
// BigInt count of nano-units, so `500m`, `0.5`, `5e-1` and `500000u` compare equal and `16Gi` is exact.

const QUANTITY_RE = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;

/** The message resource.ParseQuantity returns for a malformed string (ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const BINARY_MAX_NANOS = ((1n << 63n) - 1n) * 1_000_000_000n;

export class QuantityError extends Error {}

/** A parsed quantity: `nanos` is the exact value × 10^9, rounded up (away from zero) past nano precision. */
export interface Quantity {
  readonly nanos: bigint;
}

export function parseQuantity(input: string | number): Quantity {
  const text = typeof input === 'number' ? String(input) : input.trim();
  const m = QUANTITY_RE.exec(text);
  if (!m || m[1] === undefined) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const [intPart = '', fracPart = ''] = m[1].replace(/^[+-]/, '').split('.');
  const negative = m[1].startsWith('-');
  // digits × 10^(exp10) × mult, with the digits string read as an integer.
  const digits = BigInt(intPart + fracPart || '0');
  let exp10 = -fracPart.length + 9;
  let mult = 1n;
  const suffix = m[2] ?? '';
  if (m[3] !== undefined) exp10 += Number(m[3]);
  else if (suffix in BINARY) mult = BINARY[suffix] ?? 1n;
  else exp10 += DECIMAL_EXP[suffix] ?? 0;
  let nanos: bigint;
  if (exp10 >= 0) nanos = digits * mult * 10n ** BigInt(exp10);
  else {
    const div = 10n ** BigInt(-exp10);
    const n = digits * mult;
    nanos = n / div + (n % div === 0n ? 0n : 1n);
  }
  // ParseQuantity caps binary-suffixed magnitudes at max int64 ("the max is just a simple cap").
  if (suffix in BINARY && nanos > BINARY_MAX_NANOS) nanos = BINARY_MAX_NANOS;
  return { nanos: negative ? -nanos : nanos };
}

const NANO = 1_000_000_000n;
const MICRO_PER_NANO = 1_000_000n;

function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/** Quantity.MilliValue(): the value in thousandths, rounded up. Used for cpu. */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, MICRO_PER_NANO));
}

/** Quantity.Value(): the integer value, rounded up. Used for memory, storage, pods, extended resources. */
export function integerValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO));
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** The scheduler reads cpu in millicores and every other resource as a whole number. */
export function schedulerUnits(resource: string, input: string | number): number {
  const q = parseQuantity(input);
  return resource === 'cpu' ? milliValue(q) : integerValue(q);
}
