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

type Program = (device: CelInput) => SelectorResult;

let env: CelEnv | undefined;
const programs = new Map<string, Program>();

/** Expressions need these Kubernetes CEL types, which @bufbuild/cel does not provide. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\bcapacity\b/, 'device capacity is a Kubernetes quantity, which the CEL library cannot evaluate'],
  [/\b(quantity|semver|isQuantity|isSemver)\s*\(/, 'the Kubernetes quantity/semver CEL types are not available'],
];

function compile(expression: string): Program {
  for (const [pattern, why] of UNSUPPORTED) if (pattern.test(expression)) return () => ({ notModelled: why });
  env ??= celEnv({ funcs: strings });
  let run: (ctx: Record<string, CelInput>) => unknown;
  try {
    run = plan(env, parse(expression));
  } catch (err) {
    const why = `CEL compile error: ${(err as Error).message}`;
    return () => ({ notModelled: why });
  }
  return (device) => {
    const value = run({ device });
    if (isCelError(value)) return { notModelled: `CEL runtime error: ${value.message}` };
    if (typeof value !== 'boolean') return { notModelled: `CEL expression must return a boolean, got ${typeof value}` };
    return value;
  };
}

/** The compiled program of an expression (cached: many devices and pods share few selectors). */
export function program(expression: string): Program {
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
  const attributes = new Map<string, Map<string, CelInput>>();
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
