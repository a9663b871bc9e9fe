// Device selectors in CEL (resource.k8s.io/v1 DeviceSelector.cel), evaluated with @bufbuild/cel.
// The `device` variable carries what upstream's DRA CEL environment gives it: driver, and attributes
// and capacity keyed by domain then by name. Attribute names without a domain belong to the driver's
// domain. What the library cannot evaluate (the Kubernetes `quantity` and `semver` types, so any
// expression on capacity or on version attributes) is reported as not modelled, never guessed.

import { celEnv, isCelError, parse, plan, type CelEnv, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import type { Device } from '@kubectl-workload/api';

/** A selector's verdict on one device: match, no match, or why the simulator cannot tell. */
export type SelectorResult = boolean | { readonly notModelled: string };

interface Program {
  readonly run: (device: CelInput) => SelectorResult;
  /** Set when no device can be evaluated (compile error, a type the library lacks). */
  readonly unsupported: string | undefined;
}

let env: CelEnv | undefined;
const programs = new Map<string, Program>();

/** Expressions need these Kubernetes CEL types, which @bufbuild/cel does not provide. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\bcapacity\b/, 'device capacity is a Kubernetes quantity, which the CEL library cannot evaluate'],
  [/\b(quantity|semver|isQuantity|isSemver)\s*\(/, 'the Kubernetes quantity/semver CEL types are not available'],
];

function compile(expression: string): Program {
  const never = (why: string): Program => ({ run: () => ({ notModelled: why }), unsupported: why });
  for (const [pattern, why] of UNSUPPORTED) if (pattern.test(expression)) return never(why);
  env ??= celEnv({ funcs: strings });
  let run: (ctx: Record<string, CelInput>) => unknown;
  try {
    run = plan(env, parse(expression));
  } catch (err) {
    return never(`CEL compile error: ${(err as Error).message}`);
  }
  return {
    unsupported: undefined,
    run: (device) => {
      const value = run({ device });
      if (isCelError(value)) return { notModelled: `CEL runtime error: ${value.message}` };
      if (typeof value !== 'boolean') return { notModelled: `CEL expression must return a boolean, got ${typeof value}` };
      return value;
    },
  };
}

/** The compiled program of an expression (cached: many devices and pods share few selectors). */
function program(expression: string): Program {
  let p = programs.get(expression);
  if (!p) {
    p = compile(expression);
    programs.set(expression, p);
  }
  return p;
}

/** `domain/name` → [domain, name]; a bare name belongs to the driver's domain. */
function splitQualified(name: string, driver: string): [string, string] {
  const slash = name.indexOf('/');
  return slash < 0 ? [driver, name] : [name.slice(0, slash), name.slice(slash + 1)];
}

/** The `device` CEL value of one published device (built once per device). */
export function deviceValue(driver: string, device: Device): CelInput {
  // The driver's own domain always exists, so a missing attribute reads as a missing field, as upstream reports it.
  const attributes = new Map<string, Map<string, CelInput>>([[driver, new Map<string, CelInput>()]]);
  for (const [qualified, attr] of Object.entries(device.attributes ?? {})) {
    const [domain, name] = splitQualified(qualified, driver);
    let value: CelInput | undefined;
    if (attr.int !== undefined) value = BigInt(attr.int);
    else if (attr.bool !== undefined) value = attr.bool;
    else if (attr.string !== undefined) value = attr.string;
    // version attributes are semver values in upstream CEL: left out, so expressions naming them
    // fail with "no such key" and are reported as not modelled.
    if (value === undefined) continue;
    let map = attributes.get(domain);
    if (!map) attributes.set(domain, (map = new Map<string, CelInput>()));
    map.set(name, value);
  }
  return new Map<string, CelInput>([
    ['driver', driver],
    ['attributes', attributes],
  ]);
}

/** What a selector set needs of a device: its CEL value, its shape (devices of one shape answer alike), its id for messages. */
export interface SelectableDevice {
  readonly shape: number;
  /** `driver/pool/device`. */
  readonly id: string;
  cel(): CelInput;
}

/** A device's verdict under a selector set. */
export const NO_MATCH = 0;
export const MATCH = 1;
/** The library cannot evaluate the selectors on the device (upstream's allocator would fail with the CEL error). */
export const NOT_MODELLED = 2;
export type Verdict = typeof NO_MATCH | typeof MATCH | typeof NOT_MODELLED;

/**
 * The class's and the request's selectors, all of which a device must pass (in that order, stopping
 * at the first false, as upstream does). Verdicts are computed when the allocator first asks, once
 * per device shape: CEL sees only the driver and the attributes, so devices that publish the same
 * ones get the same answer.
 */
export class Selectors {
  private readonly programs: readonly Program[];
  /** Per shape: -1 not evaluated, else a Verdict. */
  private verdicts = new Int8Array(0);
  /** Per shape judged NOT_MODELLED: which selector could not be evaluated, and why. */
  private readonly reasons = new Map<number, { readonly selector: number; readonly why: string }>();

  constructor(private readonly expressions: readonly string[]) {
    this.programs = expressions.map(program);
  }

  /** Why none of the devices can be evaluated, known before any is tried. */
  get unsupported(): string | undefined {
    const i = this.programs.findIndex((p) => p.unsupported !== undefined);
    return i < 0 ? undefined : `selector ${JSON.stringify(this.expressions[i])}: ${this.programs[i]?.unsupported ?? ''}`;
  }

  verdict(device: SelectableDevice): Verdict {
    const { shape } = device;
    if (shape >= this.verdicts.length) {
      const grown = new Int8Array(Math.max(shape + 1, this.verdicts.length * 2)).fill(-1);
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    const known = this.verdicts[shape] as number;
    if (known !== -1) return known as Verdict;
    let v: Verdict = MATCH;
    for (let i = 0; i < this.programs.length; i++) {
      const r = (this.programs[i] as Program).run(device.cel());
      if (r === true) continue;
      if (r === false) v = NO_MATCH;
      else {
        v = NOT_MODELLED;
        this.reasons.set(shape, { selector: i, why: r.notModelled });
      }
      break;
    }
    this.verdicts[shape] = v;
    return v;
  }

  /** Why the selectors cannot be evaluated on a device judged NOT_MODELLED, naming the device. */
  notModelledOn(device: SelectableDevice): string {
    const reason = this.reasons.get(device.shape);
    const expression = JSON.stringify(this.expressions[reason?.selector ?? 0]);
    return `selector ${expression} on device ${device.id}: ${reason?.why ?? ''}`;
  }
}
