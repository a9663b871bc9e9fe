// Jest runs the TypeScript sources directly (swc strips types; `tsc -b` type-checks separately),
// in native ESM mode because @kubernetes/client-node and yargs are ESM-only.
const workspaces = {
  api: 'packages/api',
  rules: 'packages/rules',
  simulator: 'packages/simulator',
  cluster: 'packages/cluster',
  webhook: 'webhook',
  plugin: 'plugin',
  test: 'test',
};

const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
for (const [name, dir] of Object.entries(workspaces)) {
  moduleNameMapper[`^@kubectl-workload/${name}$`] = `<rootDir>/${dir}/src/index.ts`;
  // Subpath exports (`@kubectl-workload/cluster/options`): the module of that name.
  moduleNameMapper[`^@kubectl-workload/${name}/(.*)$`] = `<rootDir>/${dir}/src/$1.ts`;
}

export default {
  testEnvironment: '<rootDir>/scripts/jest-temp-environment.ts',
  // The transform cache grows with every version of every file: kept in the clone, it goes with it
  // rather than piling up in /tmp across CI runs (Jest's default, /tmp/jest_0, reached 700 MiB).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper,
  testMatch: ['<rootDir>/**/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'],
  // Anchored at the root: a clone inside a folder named dist must still find its tests.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/(.*/)?dist/'],
  // A guard against a hung test, not a speed bound: CI is a busy 2-core machine where an e2e run through
  // real kubectl can take a minute; the 20-minute CI budget is the real limit.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
