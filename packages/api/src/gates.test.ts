import { allGatesOn, FEATURE_GATES, FEATURE_GATES_1_37, parseFeatureGates, parseFeatureGatesByVersion } from './gates.js';

describe('--feature-gates', () => {
  it('starts from every gate on and applies the overrides', () => {
    const gates = parseFeatureGates('TopologyAwareWorkloadScheduling=false, DRAWorkloadResourceClaims=0');
    expect(gates.TopologyAwareWorkloadScheduling).toBe(false);
    expect(gates.DRAWorkloadResourceClaims).toBe(false);
    expect(gates.GangScheduling).toBe(true);
  });

  it('accepts every spelling strconv.ParseBool accepts', () => {
    for (const on of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseFeatureGates(`WorkloadWithJob=${on}`).WorkloadWithJob).toBe(true);
  });

  it.each([
    ['Bogus=true', 'unrecognized feature gate: Bogus'],
    ['GangScheduling', 'missing bool value for GangScheduling'],
    ['GangScheduling=yes', 'invalid value of GangScheduling=yes, err: strconv.ParseBool: parsing "yes": invalid syntax'],
    ['GenericWorkload=false', 'feature gate GangScheduling requires GenericWorkload to be enabled'],
  ])('rejects %s: %s', (spec, message) => {
    expect(() => parseFeatureGates(spec)).toThrow(message);
  });

  it('defaults every gate of spec §2 to on, and the 1.37-only gates to off', () => {
    expect(FEATURE_GATES).toHaveLength(6);
    const gates = allGatesOn();
    expect(FEATURE_GATES.every((g) => gates[g])).toBe(true);
    expect([gates.CompositePodGroup, gates.PodGroupPreemptionPolicy]).toEqual([false, false]);
  });
});

describe('--feature-gates under Kubernetes 1.37 (api-rules-1.37 §2, MIG-05)', () => {
  it('knows the 1.37 gates and turns them all on by default, the merged 1.36 ones off', () => {
    const gates = allGatesOn('1.37');
    expect(FEATURE_GATES_1_37.every((g) => gates[g])).toBe(true);
    expect([gates.GangScheduling, gates.WorkloadAwarePreemption]).toEqual([false, false]);
    expect(parseFeatureGates('CompositePodGroup=false', undefined, '1.37').CompositePodGroup).toBe(false);
  });

  it.each(['GangScheduling', 'WorkloadAwarePreemption'])('says that %s was merged into GenericWorkload', (gate) => {
    expect(() => parseFeatureGates(`${gate}=true`, undefined, '1.37')).toThrow(
      `unrecognized feature gate: ${gate} (Kubernetes 1.37 merged it into GenericWorkload: drop it)`,
    );
  });

  it('does not know the 1.37-only gates under 1.36', () => {
    expect(() => parseFeatureGates('CompositePodGroup=true')).toThrow('unrecognized feature gate: CompositePodGroup');
  });
});

describe('--feature-gates for both versions at once', () => {
  it('applies each gate to the versions that have it', () => {
    const gates = parseFeatureGatesByVersion('GangScheduling=false,WorkloadAwarePreemption=false,CompositePodGroup=false');
    expect([gates['1.36'].GangScheduling, gates['1.37'].CompositePodGroup, gates['1.37'].GenericWorkload]).toEqual([false, false, true]);
  });
  it('rejects a gate neither version has', () => {
    expect(() => parseFeatureGatesByVersion('Bogus=true')).toThrow('unrecognized feature gate: Bogus');
  });
  it('parses strictly for one version when it is given', () => {
    expect(() => parseFeatureGatesByVersion('GangScheduling=true', '1.37')).toThrow('merged it into GenericWorkload');
    expect(parseFeatureGatesByVersion('CompositePodGroup=false', '1.37')['1.37'].CompositePodGroup).toBe(false);
  });
  it('gives the other version the gates it shares, for a webhook that follows an upgrade', () => {
    const gates = parseFeatureGatesByVersion('TopologyAwareWorkloadScheduling=false,GangScheduling=true', '1.36');
    expect(gates['1.37'].TopologyAwareWorkloadScheduling).toBe(false);
    expect(gates['1.37'].GenericWorkload).toBe(true);
    expect(gates['1.37'].GangScheduling).toBe(false);
  });
});
