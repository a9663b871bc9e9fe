// The Kubernetes CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go) over exact
// values: a quantity is its resource.Quantity value in nano-units as a bigint (what ParseQuantity
// keeps, rounding up past nano precision), so "80Gi" equals "81920Mi" and sums are exact.
// Not provided: mul, div and divInt (newer library versions; upstream's QuoRound rounding).

import { CelScalar, celFunc, celMethod, type CelFunc } from '@bufbuild/cel';
import { parseQuantity, QUANTITY_FORMAT_ERROR, QuantityError, type Quantity } from '@kubectl-workload/api';
import { opaqueType, parsedOrUndefined } from './cel-opaque.js';

const NANO = 1_000_000_000n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function render(q: Quantity): string {
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  const frac = (abs % NANO).toString().padStart(9, '0').replace(/0+$/, '');
  return `${q.nanos < 0n ? '-' : ''}${abs / NANO}${frac ? `.${frac}` : ''}`;
}

const cmp = (a: bigint, b: bigint): bigint => (a < b ? -1n : a > b ? 1n : 0n);

/** kubernetes.Quantity. */
export const QUANTITY = opaqueType<Quantity>('Quantity', render, (a, b) => a.nanos === b.nanos);

/** ParseQuantity of a string as written (no trimming, unlike reading a manifest field). */
export function parseCelQuantity(text: string): Quantity {
  if (/\s/.test(text)) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return parseQuantity(text);
}

const isQuantity = (text: string): boolean => parsedOrUndefined(() => parseCelQuantity(text)) !== undefined;

/** Quantity.AsInt64: the value when it is a whole number within int64. */
function asInt64(q: Quantity): bigint | undefined {
  if (q.nanos % NANO !== 0n) return undefined;
  const v = q.nanos / NANO;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

export function quantityFuncs(): CelFunc[] {
  const Q = QUANTITY.type;
  const { INT, BOOL, STRING, DOUBLE } = CelScalar;
  // Methods get their receiver as `this`; the registered types guarantee it is a Quantity.
  const self = (v: unknown): Quantity => QUANTITY.unwrap(v as never) as Quantity;
  const plus = (q: Quantity, nanos: bigint) => QUANTITY.wrap({ nanos: q.nanos + nanos });
  return [
    celFunc('quantity', [STRING], Q, (s) => QUANTITY.wrap(parseCelQuantity(s))),
    celFunc('isQuantity', [STRING], BOOL, isQuantity),
    // A global function upstream (cel.Overload, not MemberOverload): `sign(q)`, not `q.sign()`.
    celFunc('sign', [Q], INT, (q) => cmp(self(q).nanos, 0n)),
    celMethod('isGreaterThan', Q, [Q], BOOL, function (o) {
      return self(this).nanos > self(o).nanos;
    }),
    celMethod('isLessThan', Q, [Q], BOOL, function (o) {
      return self(this).nanos < self(o).nanos;
    }),
    celMethod('compareTo', Q, [Q], INT, function (o) {
      return cmp(self(this).nanos, self(o).nanos);
    }),
    celMethod('asApproximateFloat', Q, [], DOUBLE, function () {
      return Number(self(this).nanos) / 1e9;
    }),
    celMethod('asInteger', Q, [], INT, function () {
      const v = asInt64(self(this));
      if (v === undefined) throw new Error('cannot convert value to integer');
      return v;
    }),
    celMethod('isInteger', Q, [], BOOL, function () {
      return asInt64(self(this)) !== undefined;
    }),
    celMethod('add', Q, [Q], Q, function (o) {
      return plus(self(this), self(o).nanos);
    }),
    celMethod('add', Q, [INT], Q, function (i) {
      return plus(self(this), i * NANO);
    }),
    celMethod('sub', Q, [Q], Q, function (o) {
      return plus(self(this), -self(o).nanos);
    }),
    celMethod('sub', Q, [INT], Q, function (i) {
      return plus(self(this), -i * NANO);
    }),
  ];
}
