import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ALL_RULES, RULES_1_36, RULES_1_37 } from '../registry.js';
import { defineRule, type Rule } from '../rule.js';
import { BEHAVIOURS, findRuleTests, renderCatalogue } from './catalogue.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const docPath = join(repoRoot, 'docs/rules.md');
const versionsOf = (rule: Rule): string[] => [RULES_1_36.includes(rule) ? '1.36' : '', RULES_1_37.includes(rule) ? '1.37' : ''].filter(Boolean);

describe('rule catalogue', () => {
  it('docs/rules.md matches ALL_RULES (regenerate with UPDATE_RULE_CATALOGUE=1)', () => {
    const text = renderCatalogue(ALL_RULES, findRuleTests(repoRoot, join(repoRoot, 'packages/rules/src')), versionsOf);
    if (process.env.UPDATE_RULE_CATALOGUE) writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });

  it('has one row per rule id and Kubernetes version', () => {
    for (const rules of [RULES_1_36, RULES_1_37]) {
      // A 1.37 id covering a field on create and on update is two rules (CPG-03: format, then immutability).
      const keys = rules.map((r) => `${r.id} ${r.operations.join(',')}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('renders a rule with its scope, gates and test files', () => {
    const rule = defineRule({
      id: 'T-1',
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
    const text = renderCatalogue([rule], (id) => (id === 'T-1' ? ['packages/x/t.test.ts'] : []));
    expect(text).toContain('| T-1 | – | a \\| b | warning | PodGroup | UPDATE (/status) | GenericWorkload on; WorkloadAwarePreemption on/off | [t.test.ts](../packages/x/t.test.ts) |');
  });

  it('points every behaviour at a test file that exists', () => {
    for (const b of BEHAVIOURS) expect(() => readFileSync(join(repoRoot, b.where))).not.toThrow();
  });

  it('finds test files quoting a rule id, and only those', () => {
    const testsOf = findRuleTests(repoRoot, join(repoRoot, 'packages/rules/src/rules/workload'));
    expect(testsOf('WL-04')).toContain('packages/rules/src/rules/workload/wl-04-templates-required.test.ts');
    expect(testsOf('WL-0')).toEqual([]);
  });
});
