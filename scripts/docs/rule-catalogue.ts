// The rule catalogue region of docs/rules.md, generated from ALL_RULES so rules added by anyone show up
// without editing this module: one row per rule with its source file and the tests that quote its id.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Rule } from '@kubectl-workload/rules';

/** Spec ids that are engine behaviour rather than a rule of their own, and where they are tested. */
export const BEHAVIOURS: ReadonlyArray<{ id: string; doc: string; where: string }> = [
  { id: 'WL-12', doc: 'spec.controllerRef is optional.', where: 'packages/rules/src/rules/workload/wl-13-15-controller-ref.test.ts' },
  {
    id: 'WL-30',
    doc: 'On update, required/maxItems are reported next to immutability, with nothing per item (skipIfFailed).',
    where: 'packages/rules/src/rules/workload/wl-30-31-update.test.ts',
  },
  {
    id: 'WL-31',
    doc: 'Unchanged fields are not re-validated on update (ratcheting).',
    where: 'packages/rules/src/rules/workload/wl-30-31-update.test.ts',
  },
  {
    id: 'PG-03',
    doc: 'spec.podGroupTemplateRef is optional (standalone PodGroups).',
    where: 'packages/rules/src/rules/podgroup/pg-04-08-ref-and-policy.test.ts',
  },
  {
    id: 'PG-14',
    doc: 'Status sent on create is discarded: no status rule runs on CREATE.',
    where: 'packages/rules/src/rules/podgroup/subresources.test.ts',
  },
  {
    id: 'PG-28',
    doc: 'A main-resource update cannot change status: status rules run on /status only.',
    where: 'packages/rules/src/rules/podgroup/subresources.test.ts',
  },
  {
    id: 'CPG-11',
    doc: '1.37: CompositePodGroup /status conditions are checked by the PodGroup condition rules (PG-30..36), same texts.',
    where: 'packages/rules/src/rules/v137/composite-1-37.test.ts',
  },
  {
    id: 'PG-41',
    doc: '1.37: the condition is PodGroupInitiallyScheduled; condition types stay free-form.',
    where: 'packages/rules/src/rules/v137/podgroup-1-37.test.ts',
  },
  {
    id: 'PG-62',
    doc: '1.37: workloadRef required with a parent is alpha (not enforced); X-33 reports it.',
    where: 'packages/rules/src/rules/v137/podgroup-1-37.test.ts',
  },
  {
    id: 'PG-50',
    doc: 'spec.disruptionMode defaults to Pod: evaluate() applies applyPodGroupDefaults() with WorkloadAwarePreemption on.',
    where: 'packages/rules/src/defaulting.test.ts',
  },
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

/** A link from docs/ to a repo-relative path, labelled with the file name. */
const link = (repoPath: string): string => `[${repoPath.split('/').pop() ?? repoPath}](../${repoPath})`;

/** What the catalogue knows of each rule besides the rule itself: its files (repo-relative) and versions. */
export interface RuleFacts {
  sourceOf(rule: Rule): string | undefined;
  testsOf(id: string): readonly string[];
  /** The Kubernetes versions that run the rule (a rule changed in 1.37 has one row per version). */
  versionsOf(rule: Rule): readonly string[];
}

/**
 * The catalogue region of docs/rules.md: a count, the rule table and the behaviours table. Throws for
 * a rule without a source file, so a rule that no module exports cannot slip into the table unlinked.
 */
export function renderCatalogue(rules: readonly Rule[], facts: RuleFacts): string {
  const lines = [
    `${rules.length} rules, in evaluation order.`,
    '',
    '| Id | Kubernetes | Rule | Severity | Kinds | Operations | Gates | Source | Tests |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rules.map((r) => {
      const source = facts.sourceOf(r);
      if (!source)
        throw new Error(
          `rule ${r.id}: no module of packages/rules/src exports it (export the rule, or a list holding it, from the module that defines it)`,
        );
      const tests = facts.testsOf(r.id).map(link).join('<br>') || '–';
      const versions = facts.versionsOf(r).join(', ') || '–';
      return `| ${[r.id, versions, cell(r.doc), r.severity, r.kinds.join(', '), operations(r), gates(r), link(source), tests].join(' | ')} |`;
    }),
    '',
    '### Spec behaviours without a rule of their own',
    '',
    '| Id | Behaviour | Tested in |',
    '|---|---|---|',
    ...BEHAVIOURS.map((b) => `| ${b.id} | ${cell(b.doc)} | ${link(b.where)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A module of the rules package: its source path (repo-relative) and what it exports. */
export interface RuleModule {
  readonly path: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

/** How directly `exports` holds `rule`, lower is closer: 0 exported itself, 1 re-exported by a barrel, then arrays by size. */
function closeness(path: string, exports: Readonly<Record<string, unknown>>, rule: Rule): number {
  const values = Object.values(exports);
  if (values.includes(rule)) return /(^|\/)index\.ts$/.test(path) ? 1 : 0;
  const lists = values.filter((v): v is unknown[] => Array.isArray(v) && v.includes(rule));
  return lists.length ? 2 + Math.min(...lists.map((l) => l.length)) : Infinity;
}

/**
 * Each rule's source file: the module that exports the rule object itself, else the one with the
 * smallest exported list holding it (rules made in a loop); barrels and the registry only gather
 * rules, so a defining module wins over them. Ties go to the first by path.
 */
export function ruleSources(modules: readonly RuleModule[]): (rule: Rule) => string | undefined {
  const ordered = [...modules].sort((a, b) => a.path.localeCompare(b.path));
  return (rule) => {
    let best: { path: string; score: number } | undefined;
    for (const m of ordered) {
      const score = closeness(m.path, m.exports, rule);
      if (score < (best?.score ?? Infinity)) best = { path: m.path, score };
    }
    return best?.path;
  };
}

/** `.ts` files under `dir` (no tests, no dist or node_modules), sorted, `tests` picks test files instead. */
export function tsFiles(dir: string, tests: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return ['node_modules', 'dist'].includes(e.name) ? [] : tsFiles(p, tests);
      return e.name.endsWith('.ts') && e.name.endsWith('.test.ts') === tests && !e.name.endsWith('.d.ts') ? [p] : [];
    })
    .sort();
}

/** Test files under `srcDir` that quote each rule id (`'WL-04'`), repo-relative with `/` separators. */
export function findRuleTests(repoRoot: string, srcDir: string): (id: string) => string[] {
  const files = tsFiles(srcDir, true)
    .map((p) => ({ path: relative(repoRoot, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return (id) => {
    const quoted = new RegExp(`['"\`]${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\` ]`);
    return files.filter((f) => quoted.test(f.text)).map((f) => f.path);
  };
}
