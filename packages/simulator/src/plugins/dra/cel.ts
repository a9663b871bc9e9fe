// Device selectors in CEL (resource.k8s.io/v1 DeviceSelector.cel), evaluated with @bufbuild/cel.
// The `device` variable carries what upstream's DRA CEL environment gives it: driver, and attributes
// and capacity keyed by domain then by name (names without a domain belong to the driver's domain).
// Capacity values are Kubernetes quantities and version attributes semver values, with the Kubernetes
// quantity and semver CEL libraries. What the library cannot evaluate (an unknown function, a runtime
// error) is reported as not modelled, never guessed.

import { celEnv, isCelError, parse, plan, type CelEnv, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import type { Device, DeviceAttribute, DeviceCapacity } from '@kubectl-workload/api';
import { expandBindings } from './cel-bind.js';
import { opaqueEquality, parsedOrUndefined } from './cel-opaque.js';
import { parseCelQuantity, QUANTITY, quantityFuncs } from './cel-quantity.js';
import { parseSemver, SEMVER, semverFuncs } from './cel-semver.js';

/** A selector's verdict on one device: match, no match, or why the simulator cannot tell. */
export type SelectorResult = boolean | { readonly notModelled: string };

interface Program {
  readonly run: (device: CelInput) => SelectorResult;
  /** Set when no device can be evaluated (a compile error). */
  readonly unsupported: string | undefined;
}

let env: CelEnv | undefined;
const programs = new Map<string, Program>();

function compile(expression: string): Program {
  const never = (why: string): Program => ({ run: () => ({ notModelled: why }), unsupported: why });
  env ??= celEnv({
    funcs: [...strings, ...quantityFuncs(), ...semverFuncs(), ...opaqueEquality([QUANTITY, SEMVER] as const)],
  });
  let run: (ctx: Record<string, CelInput>) => unknown;
  try {
    const parsed = parse(expression);
    expandBindings(parsed.expr);
    // Upstream type-checks at compile time, so an unknown function fails the claim, not one device.
    const unknown = calledFunctions(parsed.expr).find((name) => !env?.funcs.find(name));
    if (unknown !== undefined) return never(`CEL compile error: undeclared reference to '${unknown}'`);
    run = plan(env, parsed);
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

/** Names of the functions and methods an expression calls (operators, which the planner itself provides, left out). Walks the expression only: its source info records the macros (has, all, exists...) as calls before expansion. */
function calledFunctions(node: unknown, names: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return names;
  const call = node as { $typeName?: string; function?: string };
  if (call.$typeName === 'cel.expr.Expr.Call' && call.function !== undefined && /^[A-Za-z]/.test(call.function)) {
    names.push(call.function);
  }
  for (const child of Object.values(node)) calledFunctions(child, names);
  return names;
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

/**
 * Domain to name to value. Looking up a domain the device does not publish gives an empty map, as
 * upstream's mapper with a default does, so `has(device.attributes["other.example.com"].x)` is false
 * and a missing name reads as a missing field.
 */
class DomainMap extends Map<string, Map<string, CelInput>> {
  override get(domain: string): Map<string, CelInput> {
    return super.get(domain) ?? new Map<string, CelInput>();
  }
}

function byDomain<T>(driver: string, entries: Record<string, T>, value: (entry: T) => CelInput | undefined): DomainMap {
  const domains = new DomainMap();
  for (const [qualified, entry] of Object.entries(entries)) {
    const [domain, name] = splitQualified(qualified, driver);
    const v = value(entry);
    if (v === undefined) continue;
    if (!domains.has(domain)) domains.set(domain, new Map<string, CelInput>());
    domains.get(domain).set(name, v);
  }
  return domains;
}

// A value API validation would have rejected is left out, so the name reads as missing.
function attributeValue(attr: DeviceAttribute): CelInput | undefined {
  if (attr.int !== undefined) return BigInt(attr.int);
  if (attr.bool !== undefined) return attr.bool;
  if (attr.string !== undefined) return attr.string;
  if (attr.version !== undefined) {
    const version = attr.version;
    return parsedOrUndefined(() => SEMVER.wrap(parseSemver(version)));
  }
  return undefined;
}

function capacityValue(capacity: DeviceCapacity): CelInput | undefined {
  const text = capacity.value;
  return text === undefined ? undefined : parsedOrUndefined(() => QUANTITY.wrap(parseCelQuantity(text)));
}

/** The `device` CEL value of one published device (built once per device). */
export function deviceValue(driver: string, device: Device): CelInput {
  return new Map<string, CelInput>([
    ['driver', driver],
    ['attributes', byDomain(driver, device.attributes ?? {}, attributeValue)],
    ['capacity', byDomain(driver, device.capacity ?? {}, capacityValue)],
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
 * per device shape: CEL sees only the driver, the attributes and the capacity, so devices that
 * publish the same ones get the same answer.
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
