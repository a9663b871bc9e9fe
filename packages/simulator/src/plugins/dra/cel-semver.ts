// The Kubernetes CEL semver library (k8s.io/apiserver/pkg/cel/library/semver.go), which is what
// version attributes are in the DRA CEL environment. Parsing and ordering follow blang/semver v4
// (Parse, Compare), which upstream uses, with its error texts. Not provided: the `semver(s, true)`
// normalizing overload of newer library versions.

import { CelScalar, celFunc, celMethod, type CelFunc } from '@bufbuild/cel';
import { opaqueType, parsedOrUndefined } from './cel-opaque.js';

export interface Semver {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Pre-release identifiers: numbers for numeric ones. */
  readonly pre: readonly (bigint | string)[];
  readonly text: string;
}

const UINT64_MAX = (1n << 64n) - 1n;
const NUMBERS = /^[0-9]*$/;
const ALPHANUM = /^[0-9A-Za-z-]*$/;

function parseUint(s: string): bigint {
  if (s === '') throw new Error(`strconv.ParseUint: parsing "": invalid syntax`);
  const v = BigInt(s);
  if (v > UINT64_MAX) throw new Error(`strconv.ParseUint: parsing "${s}": value out of range`);
  return v;
}

function versionNumber(s: string, what: string): bigint {
  if (!NUMBERS.test(s)) throw new Error(`Invalid character(s) found in ${what} number "${s}"`);
  if (s.length > 1 && s.startsWith('0')) {
    throw new Error(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} number must not contain leading zeroes "${s}"`);
  }
  return parseUint(s);
}

function preReleasePart(s: string): bigint | string {
  if (s === '') throw new Error('Prerelease is empty');
  if (NUMBERS.test(s)) {
    if (s.length > 1 && s.startsWith('0')) throw new Error(`Numeric PreRelease version must not contain leading zeroes "${s}"`);
    return parseUint(s);
  }
  if (ALPHANUM.test(s)) return s;
  throw new Error(`Invalid character(s) found in prerelease "${s}"`);
}

/** blang/semver v4 Parse: strict `MAJOR.MINOR.PATCH[-PRE][+BUILD]`. */
export function parseSemver(text: string): Semver {
  if (text === '') throw new Error('Version string empty');
  const parts = text.split('.');
  if (parts.length < 3) throw new Error('No Major.Minor.Patch elements found');
  const [majorText = '', minorText = ''] = parts;
  const major = versionNumber(majorText, 'major');
  const minor = versionNumber(minorText, 'minor');
  let rest = parts.slice(2).join('.');
  let build: string[] = [];
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    build = rest.slice(plus + 1).split('.');
    rest = rest.slice(0, plus);
  }
  let preTexts: string[] = [];
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    preTexts = rest.slice(dash + 1).split('.');
    rest = rest.slice(0, dash);
  }
  const patch = versionNumber(rest, 'patch');
  const pre = preTexts.map(preReleasePart);
  for (const b of build) {
    if (b === '') throw new Error('Build meta data is empty');
    if (!ALPHANUM.test(b)) throw new Error(`Invalid character(s) found in build meta data "${b}"`);
  }
  return { major, minor, patch, pre, text };
}

const sign = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** blang/semver Version.Compare: numbers, then pre-release (a release ranks above its pre-releases; build metadata is ignored). */
export function compareSemver(a: Semver, b: Semver): number {
  const byNumber = sign(a.major, b.major) || sign(a.minor, b.minor) || sign(a.patch, b.patch);
  if (byNumber !== 0) return byNumber;
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i] as bigint | string;
    const y = b.pre[i] as bigint | string;
    if (x === y) continue;
    // Numeric identifiers rank below alphanumeric ones.
    if (typeof x !== typeof y) return typeof x === 'bigint' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return sign(BigInt(a.pre.length), BigInt(b.pre.length));
}

/** kubernetes.Semver. */
export const SEMVER = opaqueType<Semver>(
  'Semver',
  (v) => v.text,
  (a, b) => compareSemver(a, b) === 0,
);

const isSemver = (text: string): boolean => parsedOrUndefined(() => parseSemver(text)) !== undefined;

export function semverFuncs(): CelFunc[] {
  const S = SEMVER.type;
  const { INT, BOOL, STRING } = CelScalar;
  const self = (v: unknown): Semver => SEMVER.unwrap(v as never) as Semver;
  return [
    celFunc('semver', [STRING], S, (s) => SEMVER.wrap(parseSemver(s))),
    celFunc('isSemver', [STRING], BOOL, isSemver),
    celMethod('major', S, [], INT, function () {
      return self(this).major;
    }),
    celMethod('minor', S, [], INT, function () {
      return self(this).minor;
    }),
    celMethod('patch', S, [], INT, function () {
      return self(this).patch;
    }),
    celMethod('isGreaterThan', S, [S], BOOL, function (o) {
      return compareSemver(self(this), self(o)) === 1;
    }),
    celMethod('isLessThan', S, [S], BOOL, function (o) {
      return compareSemver(self(this), self(o)) === -1;
    }),
    celMethod('compareTo', S, [S], INT, function (o) {
      return BigInt(compareSemver(self(this), self(o)));
    }),
  ];
}
