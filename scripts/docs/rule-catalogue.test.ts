import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_1_36, RULES_1_37, defineRule } from '@kubectl-workload/rules';
import { BEHAVIOURS, findRuleTests, renderCatalogue, ruleSources } from './rule-catalogue.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

const rule = (id: string) =>
  defineRule({
    id,
    doc: 'a | b',
    severity: 'warning',
    style: 'field',
    kinds: ['PodGroup'],
    operations: ['UPDATE'],
    subResources: ['status'],
    gates: ['GenericWorkload'],
    readsGates: ['WorkloadAwarePreemption'],
    check: () => [],
  });

describe('rule catalogue', () => {
  it('has one row per rule id and Kubernetes version', () => {
    for (const rules of [RULES_1_36, RULES_1_37]) {
      // A 1.37 id covering a field on create and on update is two rules (CPG-03: format, then immutability).
      const keys = rules.map((r) => `${r.id} ${r.operations.join(',')}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('renders a rule with its scope, gates, source and test files', () => {
    const text = renderCatalogue([rule('T-1')], {
      sourceOf: (r) => (r.id === 'T-1' ? 'packages/x/t.ts' : undefined),
      testsOf: (id) => (id === 'T-1' ? ['packages/x/t.test.ts'] : []),
      versionsOf: () => ['1.36', '1.37'],
    });
    expect(text).toContain(
      '| T-1 | 1.36, 1.37 | a \\| b | warning | PodGroup | UPDATE (/status) | GenericWorkload on; WorkloadAwarePreemption on/off | [t.ts](../packages/x/t.ts) | [t.test.ts](../packages/x/t.test.ts) |',
    );
  });

  it('refuses a rule whose source file is unknown, naming it', () => {
    expect(() => renderCatalogue([rule('T-1')], { sourceOf: () => undefined, testsOf: () => [], versionsOf: () => [] })).toThrow(
      'rule T-1: no module',
    );
  });

  it('points every behaviour at a test file that exists', () => {
    for (const b of BEHAVIOURS) expect(() => readFileSync(join(repoRoot, b.where))).not.toThrow();
  });

  it('finds test files quoting a rule id, and only those', () => {
    const testsOf = findRuleTests(repoRoot, join(repoRoot, 'packages/rules/src/rules/workload'));
    expect(testsOf('WL-04')).toContain('packages/rules/src/rules/workload/wl-04-templates-required.test.ts');
    expect(testsOf('WL-0')).toEqual([]);
  });

  it('takes a rule source from the module that defines the rule, not from barrels or the registry', () => {
    const [a, b, c, d] = [rule('T-1'), rule('T-2'), rule('T-3'), rule('T-4')];
    const sourceOf = ruleSources([
      { path: 'registry.ts', exports: { ALL: [a, b, c, d] } },
      { path: 'rules/index.ts', exports: { a, b, list: [a, b, c] } },
      { path: 'rules/t-2.ts', exports: { b } },
      { path: 'rules/t-1.ts', exports: { helper: 1, a } },
      { path: 'rules/made-in-a-loop.ts', exports: { made: [c] } },
    ]);
    expect([a, b, c, d, rule('T-5')].map(sourceOf)).toEqual([
      'rules/t-1.ts',
      'rules/t-2.ts',
      'rules/made-in-a-loop.ts',
      'registry.ts',
      undefined,
    ]);
  });
});
