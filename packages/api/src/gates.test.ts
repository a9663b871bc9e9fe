import { allGatesOn, FEATURE_GATES, parseFeatureGates } from './gates.js';

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

  it('defaults every gate of spec §2 to on', () => {
    expect(FEATURE_GATES).toHaveLength(6);
    expect(Object.values(allGatesOn()).every(Boolean)).toBe(true);
  });
});
