// The rule catalogue (docs/rules.md), generated from ALL_RULES so rules added by anyone show up
// without editing this module. A test keeps the committed file in step with the registry.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Rule } from '../rule.js';

/** Spec ids that are engine behaviour rather than a rule of their own, and where they are tested. */
export const BEHAVIOURS: ReadonlyArray<{ id: string; doc: string; where: string }> = [
  { id: 'WL-12', doc: 'spec.controllerRef is optional.', where: 'packages/rules/src/rules/workload/wl-13-15-controller-ref.test.ts' },
  { id: 'WL-30', doc: 'On update, required/maxItems are reported next to immutability, with nothing per item (skipIfFailed).', where: 'packages/rules/src/rules/workload/wl-30-31-update.test.ts' },
  { id: 'WL-31', doc: 'Unchanged fields are not re-validated on update (ratcheting).', where: 'packages/rules/src/rules/workload/wl-30-31-update.test.ts' },
  { id: 'PG-03', doc: 'spec.podGroupTemplateRef is optional (standalone PodGroups).', where: 'packages/rules/src/rules/podgroup/pg-04-08-ref-and-policy.test.ts' },
  { id: 'PG-14', doc: 'Status sent on create is discarded: no status rule runs on CREATE.', where: 'packages/rules/src/rules/podgroup/subresources.test.ts' },
  { id: 'PG-28', doc: 'A main-resource update cannot change status: status rules run on /status only.', where: 'packages/rules/src/rules/podgroup/subresources.test.ts' },
  { id: 'CPG-11', doc: '1.37: CompositePodGroup /status conditions are checked by the PodGroup condition rules (PG-30..36), same texts.', where: 'packages/rules/src/rules/v137/composite-1-37.test.ts' },
  { id: 'PG-41', doc: '1.37: the condition is PodGroupInitiallyScheduled; condition types stay free-form.', where: 'packages/rules/src/rules/v137/podgroup-1-37.test.ts' },
  { id: 'PG-62', doc: '1.37: workloadRef required with a parent is alpha (not enforced); X-33 reports it.', where: 'packages/rules/src/rules/v137/podgroup-1-37.test.ts' },
  { id: 'PG-50', doc: 'spec.disruptionMode defaults to Pod: evaluate() applies applyPodGroupDefaults() with WorkloadAwarePreemption on.', where: 'packages/rules/src/rules/podgroup/defaults.test.ts' },
];

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function operations(rule: Rule): string {
  const ops = rule.operations.join(', ');
  const subs = rule.subResources.filter((s) => s !== '');
  return rule.subResources.includes('') ? ops : `${ops} (/${subs.join(', /')})`;
}

function gates(rule: Rule): string {
  const parts = [...(rule.gates ?? []).map((g) => `${g} on`), ...(rule.readsGates ?? []).map((g) => `${g} on/off`)];
  return parts.length ? parts.join('; ') : '–';
}

const link = (repoPath: string): string => `[${repoPath.split('/').pop() ?? repoPath}](../${repoPath})`;

/**
 * Renders docs/rules.md. `testsOf` maps a rule id to the repo-relative test files that name it;
 * `versionsOf` says which Kubernetes versions run a rule (a changed rule has one row per version).
 */
export function renderCatalogue(rules: readonly Rule[], testsOf: (id: string) => readonly string[], versionsOf: (rule: Rule) => readonly string[] = () => []): string {
  const lines = [
    '# Rule catalogue',
    '',
    'Generated from `ALL_RULES` (packages/rules/src/registry.ts), in evaluation order; do not edit by hand.',
    'Regenerate with `UPDATE_RULE_CATALOGUE=1 npm test -- packages/rules/src/catalogue`.',
    '',
    `${rules.length} rules.`,
    '',
    '| Id | Kubernetes | Rule | Severity | Kinds | Operations | Gates | Tests |',
    '|---|---|---|---|---|---|---|---|',
    ...rules.map((r) =>
      [r.id, versionsOf(r).join(', ') || '–', cell(r.doc), r.severity, r.kinds.join(', '), operations(r), gates(r), testsOf(r.id).map(link).join('<br>') || '–'].join(' | '),
    ).map((row) => `| ${row} |`),
    '',
    '## Spec behaviours without a rule of their own',
    '',
    '| Id | Behaviour | Tested in |',
    '|---|---|---|',
    ...BEHAVIOURS.map((b) => `| ${b.id} | ${cell(b.doc)} | ${link(b.where)} |`),
    '',
  ];
  return lines.join('\n');
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    // This directory's own tests quote made-up and sample ids.
    if (e.isDirectory()) return ['node_modules', 'dist', 'catalogue'].includes(e.name) ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Test files under `srcDir` that quote each rule id (`'WL-04'`), repo-relative with `/` separators. */
export function findRuleTests(repoRoot: string, srcDir: string): (id: string) => string[] {
  const files = testFiles(srcDir)
    .map((p) => ({ path: relative(repoRoot, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return (id) => {
    const quoted = new RegExp(`['"\`]${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\` ]`);
    return files.filter((f) => quoted.test(f.text)).map((f) => f.path);
  };
}
