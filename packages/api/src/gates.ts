// Feature gates of workload-aware scheduling in Kubernetes 1.36 (spec api-rules §2) and 1.37
// (api-rules-1.37 §2), parsed like Kubernetes components parse `--feature-gates=Name=true,Other=false`.

/** The Kubernetes minor versions the tools speak. */
export const KUBE_VERSIONS = ['1.36', '1.37'] as const;
export type KubeVersion = (typeof KUBE_VERSIONS)[number];

/** The 1.36 gates. */
export const FEATURE_GATES = [
  'GenericWorkload',
  'GangScheduling',
  'TopologyAwareWorkloadScheduling',
  'WorkloadAwarePreemption',
  'DRAWorkloadResourceClaims',
  'WorkloadWithJob',
] as const;

/** The 1.37 gates: GangScheduling and WorkloadAwarePreemption were merged into GenericWorkload (MIG-05). */
export const FEATURE_GATES_1_37 = [
  'GenericWorkload',
  'TopologyAwareWorkloadScheduling',
  'DRAWorkloadResourceClaims',
  'WorkloadWithJob',
  'CompositePodGroup',
  'PodGroupPreemptionPolicy',
] as const;

export type FeatureGate = (typeof FEATURE_GATES)[number] | (typeof FEATURE_GATES_1_37)[number];
/** Every gate of either version; a gate the version does not have is off. */
export type FeatureGates = Readonly<Record<FeatureGate, boolean>>;

export const ALL_FEATURE_GATES: readonly FeatureGate[] = [...new Set<FeatureGate>([...FEATURE_GATES, ...FEATURE_GATES_1_37])];

export function featureGatesOf(version: KubeVersion): readonly FeatureGate[] {
  return version === '1.37' ? FEATURE_GATES_1_37 : FEATURE_GATES;
}

/** 1.36 gates 1.37 merged into GenericWorkload: naming one under 1.37 says so. */
const MERGED_IN_1_37: readonly FeatureGate[] = ['GangScheduling', 'WorkloadAwarePreemption'];

/** Dependencies each gate needs enabled (GangScheduling: {GenericWorkload} is upstream; the rest UNVERIFIED, §2 of both specs). */
export const GATE_DEPENDENCIES: Readonly<Record<FeatureGate, readonly FeatureGate[]>> = {
  GenericWorkload: [],
  GangScheduling: ['GenericWorkload'],
  TopologyAwareWorkloadScheduling: ['GenericWorkload'],
  WorkloadAwarePreemption: ['GangScheduling'],
  DRAWorkloadResourceClaims: [],
  WorkloadWithJob: ['GenericWorkload'],
  CompositePodGroup: ['GenericWorkload'],
  PodGroupPreemptionPolicy: ['GenericWorkload'],
};

export class FeatureGateError extends Error {}

/** Our tools default to every gate of the version on: they exist to check clusters that run workload-aware scheduling. */
export function allGatesOn(version: KubeVersion = '1.36'): FeatureGates {
  const on = new Set<FeatureGate>(featureGatesOf(version));
  return Object.fromEntries(ALL_FEATURE_GATES.map((g) => [g, on.has(g)])) as Record<FeatureGate, boolean>;
}

function isGate(name: string, version: KubeVersion): name is FeatureGate {
  return (featureGatesOf(version) as readonly string[]).includes(name);
}

function unrecognized(name: string, version: KubeVersion): FeatureGateError {
  const merged = version === '1.37' && (MERGED_IN_1_37 as readonly string[]).includes(name);
  return new FeatureGateError(
    `unrecognized feature gate: ${name}${merged ? ' (Kubernetes 1.37 merged it into GenericWorkload: drop it)' : ''}`,
  );
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
export function parseFeatureGates(spec: string, base?: FeatureGates, version: KubeVersion = '1.36'): FeatureGates {
  base ??= allGatesOn(version);
  const gates: Record<FeatureGate, boolean> = { ...base };
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    if (!isGate(name, version)) throw unrecognized(name, version);
    if (eq < 0) throw new FeatureGateError(`missing bool value for ${name}`);
    const text = item.slice(eq + 1).trim();
    const value = parseGoBool(text);
    if (value === undefined)
      throw new FeatureGateError(
        `invalid value of ${name}=${text}, err: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`,
      );
    gates[name] = value;
  }
  for (const gate of featureGatesOf(version)) {
    if (!gates[gate]) continue;
    const missing = GATE_DEPENDENCIES[gate].filter((dep) => !gates[dep]);
    if (missing.length) throw new FeatureGateError(`feature gate ${gate} requires ${missing.join(', ')} to be enabled`);
  }
  return gates;
}

/** Gates for each Kubernetes version: lint checks each object against the version its apiVersion names. */
export type GatesByVersion = Readonly<Record<KubeVersion, FeatureGates>>;

export function allGatesOnByVersion(): GatesByVersion {
  return { '1.36': allGatesOn('1.36'), '1.37': allGatesOn('1.37') };
}

/**
 * `--feature-gates` for a run that may see both versions. Each gate applies to the versions that have
 * it. With `version` a gate that version lacks is an error; without it, only a gate neither has. The
 * other version still gets the gates it shares: a webhook that follows an upgrade to it must keep an
 * operator's `TopologyAwareWorkloadScheduling=false`, not turn it back on.
 */
export function parseFeatureGatesByVersion(spec: string, version?: KubeVersion): GatesByVersion {
  const items = spec
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const known = (item: string, v: KubeVersion): boolean => isGate(item.split('=')[0]?.trim() ?? '', v);
  const strict = version ? parseFeatureGates(spec, undefined, version) : undefined;
  const unknown = items.find((item) => !KUBE_VERSIONS.some((v) => known(item, v)));
  if (unknown !== undefined) throw unrecognized(unknown.split('=')[0]?.trim() ?? unknown, '1.36');
  const forVersion = (v: KubeVersion): FeatureGates =>
    v === version && strict ? strict : parseFeatureGates(items.filter((item) => known(item, v)).join(','), undefined, v);
  return { '1.36': forVersion('1.36'), '1.37': forVersion('1.37') };
}
