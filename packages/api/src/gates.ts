// Feature gates of v1.36 workload-aware scheduling (spec api-rules §2), parsed like Kubernetes
// components parse `--feature-gates=Name=true,Other=false`.

export const FEATURE_GATES = [
  'GenericWorkload',
  'GangScheduling',
  'TopologyAwareWorkloadScheduling',
  'WorkloadAwarePreemption',
  'DRAWorkloadResourceClaims',
  'WorkloadWithJob',
] as const;

export type FeatureGate = (typeof FEATURE_GATES)[number];
export type FeatureGates = Readonly<Record<FeatureGate, boolean>>;

/** Dependencies each gate needs enabled (GangScheduling: {GenericWorkload} is upstream; the rest UNVERIFIED, §2). */
export const GATE_DEPENDENCIES: Readonly<Record<FeatureGate, readonly FeatureGate[]>> = {
  GenericWorkload: [],
  GangScheduling: ['GenericWorkload'],
  TopologyAwareWorkloadScheduling: ['GenericWorkload'],
  WorkloadAwarePreemption: ['GangScheduling'],
  DRAWorkloadResourceClaims: [],
  WorkloadWithJob: ['GenericWorkload'],
};

export class FeatureGateError extends Error {}

/** Our tools default to every gate on: they exist to check clusters that run workload-aware scheduling. */
export function allGatesOn(): FeatureGates {
  return Object.fromEntries(FEATURE_GATES.map((g) => [g, true])) as Record<FeatureGate, boolean>;
}

function isGate(name: string): name is FeatureGate {
  return (FEATURE_GATES as readonly string[]).includes(name);
}

/** strconv.ParseBool's accepted spellings. */
function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/**
 * Parses `A=true,B=false` over a base (default: all on). Messages follow component-base
 * featuregate.Set: `unrecognized feature gate: X`, `missing bool value for X`,
 * `invalid value of X=Y, err: strconv.ParseBool: parsing "Y": invalid syntax`.
 */
export function parseFeatureGates(spec: string, base: FeatureGates = allGatesOn()): FeatureGates {
  const gates: Record<FeatureGate, boolean> = { ...base };
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    if (!isGate(name)) throw new FeatureGateError(`unrecognized feature gate: ${name}`);
    if (eq < 0) throw new FeatureGateError(`missing bool value for ${name}`);
    const text = item.slice(eq + 1).trim();
    const value = parseGoBool(text);
    if (value === undefined) throw new FeatureGateError(`invalid value of ${name}=${text}, err: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
    gates[name] = value;
  }
  for (const gate of FEATURE_GATES) {
    if (!gates[gate]) continue;
    const missing = GATE_DEPENDENCIES[gate].filter((dep) => !gates[dep]);
    if (missing.length) throw new FeatureGateError(`feature gate ${gate} requires ${missing.join(', ')} to be enabled`);
  }
  return gates;
}
