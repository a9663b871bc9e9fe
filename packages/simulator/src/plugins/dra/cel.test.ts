import type { Device } from '@kubectl-workload/api';
import { deviceValue, MATCH, NO_MATCH, NOT_MODELLED, Selectors } from './cel.js';

const DRIVER = 'dra.example.com';
const GPU: Device = {
  name: 'gpu-0',
  attributes: { driverVersion: { version: '1.2.3' }, model: { string: 'h100' } },
  capacity: { memory: { value: '80Gi' }, [`${DRIVER}/cores`]: { value: '132' } },
};

/** One expression's verdict on a device, with the reason when it cannot be evaluated. */
function judge(expression: string, device: Device = GPU): boolean | string {
  const selectors = new Selectors([expression]);
  const selectable = { shape: 0, id: `${DRIVER}/pool/${device.name ?? ''}`, cel: () => deviceValue(DRIVER, device) };
  const verdict = selectors.verdict(selectable);
  if (verdict === NOT_MODELLED) return selectors.notModelledOn(selectable);
  expect([MATCH, NO_MATCH]).toContain(verdict);
  return verdict === MATCH;
}

describe('device capacity is a Kubernetes quantity (dynamic-resource-allocation/cel compile_test.go)', () => {
  it.each([
    [`device.capacity["${DRIVER}"].memory.compareTo(quantity("1Gi")) >= 0`, true],
    [`device.capacity["${DRIVER}"].memory.compareTo(quantity("81Gi")) >= 0`, false],
    [`device.capacity["${DRIVER}"].memory.isGreaterThan(quantity("1Ki"))`, true],
    [`device.capacity["${DRIVER}"].memory == quantity("81920Mi")`, true],
    [`device.capacity["${DRIVER}"].memory != quantity("80G")`, true],
    [`device.capacity["${DRIVER}"].cores.asInteger() == 132`, true],
  ])('%s is %s', (expression, want) => {
    expect(judge(expression)).toBe(want);
  });

  it('reads a capacity name without a domain under the driver domain, like attributes', () => {
    expect(judge(`device.capacity["${DRIVER}"].cores.isLessThan(quantity("1k"))`)).toBe(true);
  });

  it('a device without the capacity fails at runtime (no such key), so the selector is not modelled on it', () => {
    expect(judge(`device.capacity["${DRIVER}"].memory.compareTo(quantity("1Gi")) >= 0`, { name: 'nic-0' })).toMatch(
      /on device dra\.example\.com\/pool\/nic-0: CEL runtime error: .*memory/,
    );
  });
});

describe('domains the device does not publish read as empty maps (compile.go newStringInterfaceMapWithDefault)', () => {
  it.each([
    ['has(device.attributes["other.example.com"].model)', false],
    ['has(device.capacity["other.example.com"].memory)', false],
    [`has(device.attributes["${DRIVER}"].model)`, true],
    [`has(device.capacity["${DRIVER}"].memory)`, true],
  ])('%s is %s', (expression, want) => {
    expect(judge(expression)).toBe(want);
  });

  it('a name in such a domain is a missing field, not a match', () => {
    expect(judge('device.attributes["other.example.com"].model == "h100"')).toMatch(/CEL runtime error: .*model/);
  });
});

describe('the Kubernetes quantity CEL library (apiserver/pkg/cel/library quantity.go and its tests)', () => {
  it.each([
    ['quantity("200M").compareTo(quantity("0.2G")) == 0', true],
    ['quantity("50M").compareTo(quantity("50Mi")) == -1', true],
    ['quantity("50Mi").compareTo(quantity("50M")) == 1', true],
    ['quantity("150Mi").isGreaterThan(quantity("100Mi"))', true],
    ['quantity("50Mi").isGreaterThan(quantity("100Mi"))', false],
    ['quantity("50M").isLessThan(quantity("100M"))', true],
    ['quantity("100M").isLessThan(quantity("50M"))', false],
    ['quantity("50000000G").isInteger()', true],
    ['quantity("50k").isInteger()', true],
    ['quantity("9999999999999999999999999999999999999G").isInteger()', false],
    ['quantity("500m").isInteger()', false],
    // ParseQuantity caps binary-suffixed values at max int64
    ['quantity("8Ei").asInteger() == 9223372036854775807', true],
    ['quantity("50k").asInteger() == 50000', true],
    ['quantity("50k").sub(20000).asApproximateFloat() == 30000.0', true],
    ['quantity("50k").add(quantity("20k")) == quantity("70k")', true],
    ['quantity("50k").add(20) == quantity("50020")', true],
    ['quantity("50k").sub(quantity("20k")) == quantity("30k")', true],
    ['quantity("50k").sub(20000) == quantity("30k")', true],
    ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000) == quantity("20")', true],
    ['sign(quantity("50k")) == 1', true],
    ['sign(quantity("-50k")) == -1', true],
    ['sign(quantity("0")) == 0', true],
    ['isQuantity("1.3G")', true],
    ['isQuantity("1.3Gi")', true],
    ['isQuantity("10000k")', true],
    ['isQuantity("1,3G")', false],
    ['isQuantity("200K")', false],
    ['isQuantity("Three")', false],
    ['isQuantity("Mi")', false],
    ['isQuantity(" 1")', false],
  ])('%s is %s', (expression, want) => {
    expect(judge(expression)).toBe(want);
  });

  it.each([
    ['quantity("9999999999999999999999999999999999999G").asInteger() == 0', 'cannot convert value to integer'],
    ['quantity("200K") == quantity("200k")', 'quantities must match the regular expression'],
    // upstream's Quantity.Equal: MaybeNoSuchOverloadErr against another type, not false
    ['quantity("1") == "1"', 'no such overload'],
    // sign is a global function upstream (cel.Overload), not a method
    ['quantity("1").sign() == 1', 'sign'],
  ])('%s is an error (%s)', (expression, error) => {
    expect(judge(expression)).toContain(error);
  });
});

describe('version attributes are semver values (apiserver/pkg/cel/library semver.go and its tests)', () => {
  it.each([
    [`device.attributes["${DRIVER}"].driverVersion == semver("1.2.3")`, true],
    [`device.attributes["${DRIVER}"].driverVersion.isGreaterThan(semver("1.2.0"))`, true],
    [`device.attributes["${DRIVER}"].driverVersion.isLessThan(semver("1.2.0"))`, false],
    [`device.attributes["${DRIVER}"].driverVersion.major() == 1 && device.attributes["${DRIVER}"].driverVersion.minor() == 2`, true],
    [`device.attributes["${DRIVER}"].driverVersion.patch() == 3`, true],
    ['semver("1.2.3").compareTo(semver("1.2.3")) == 0', true],
    ['semver("1.2.3").compareTo(semver("2.0.0")) == -1', true],
    ['semver("1.2.3").compareTo(semver("0.1.2")) == 1', true],
    ['isSemver("1.2.3-beta.1+build.1")', true],
    ['isSemver("")', false],
    ['isSemver("v1.0")', false],
    ['isSemver("01.2.3")', false],
    // build metadata does not take part in ordering or equality
    ['semver("1.2.3+build.1") == semver("1.2.3+build.2")', true],
  ])('%s is %s', (expression, want) => {
    expect(judge(expression)).toBe(want);
  });

  it('orders pre-releases as SemVer 2.0.0 §11 does', () => {
    const order = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 1; i < order.length; i++) {
      expect(judge(`semver("${order[i - 1]}").isLessThan(semver("${order[i]}"))`)).toBe(true);
      expect(judge(`semver("${order[i]}").compareTo(semver("${order[i - 1]}")) == 1`)).toBe(true);
    }
  });

  it.each([
    ['semver("v1.0") == semver("1.0.0")', 'No Major.Minor.Patch elements found'],
    ['semver("1.2.03") == semver("1.2.3")', 'Patch number must not contain leading zeroes "03"'],
    [`device.attributes["${DRIVER}"].driverVersion == "1.2.3"`, 'no such overload'],
  ])('%s is an error (%s)', (expression, error) => {
    expect(judge(expression)).toContain(error);
  });
});

describe('cel.bind names a value once (compile.go enables ext.Bindings)', () => {
  it.each([
    [`cel.bind(dra, device.attributes["${DRIVER}"], dra.model == "h100" && dra.driverVersion.major() == 1)`, true],
    [`cel.bind(mem, device.capacity["${DRIVER}"].memory, mem.isGreaterThan(quantity("64Gi")) && mem.isLessThan(quantity("96Gi")))`, true],
    [`cel.bind(a, 1, cel.bind(b, a + 1, b == 2)) && cel.bind(a, "x", a == "x")`, true],
    [`cel.bind(dra, device.attributes["${DRIVER}"], dra.model == "a100")`, false],
  ])('%s is %s', (expression, want) => {
    expect(judge(expression)).toBe(want);
  });
});

describe('what the library does not know stays not modelled for the claim', () => {
  it('an unknown function is a compile error for every device, as upstream type-checking makes it', () => {
    const selectors = new Selectors([`device.capacity["${DRIVER}"].memory.mul(2).isGreaterThan(quantity("1"))`]);
    expect(selectors.unsupported).toBe(
      `selector "device.capacity[\\"${DRIVER}\\"].memory.mul(2).isGreaterThan(quantity(\\"1\\"))": CEL compile error: undeclared reference to 'mul'`,
    );
  });

  it.each([
    `device.attributes["${DRIVER}"].model.startsWith("h1") && size(device.driver) > 0`,
    // macros are expanded by the parser, not called
    `has(device.attributes["${DRIVER}"].model) && ["a"].all(x, x != "") && ["a"].exists(x, x == "a") && [1].map(x, x).size() == 1`,
  ])('%s passes the compile check', (expression) => {
    expect(new Selectors([expression]).unsupported).toBeUndefined();
    expect(judge(expression)).toBe(true);
  });
});
