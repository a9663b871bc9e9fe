// The `kubectl diff` layout (ecosystem.md §A6): `diff -u -N` of the template (---) against the
// PodGroup (+++), showing only the spec fields a PodGroup copies from its template.

import { structuredPatch } from 'diff';
import { stringify } from 'yaml';
import { TEMPLATE_FIELDS } from '@kubectl-workload/rules';
import type { PodGroup, PodGroupPolicyFields } from '@kubectl-workload/api';
import type { DriftReport, OrphanPodGroup, PodGroupDrift, TemplateDrift } from './drift.js';

const CONTEXT_LINES = 3;

/** The copied fields of a spec, in template order, as the YAML both sides of the diff are printed in. */
function policyYaml(fields: PodGroupPolicyFields | undefined): string {
  if (!fields) return '';
  const spec: Record<string, unknown> = {};
  for (const field of TEMPLATE_FIELDS) if (fields[field] !== undefined) spec[field] = fields[field];
  return stringify({ spec });
}

function templateLabel(namespace: string, workload: string, template: string): string {
  return `Workload/${namespace}/${workload}#podGroupTemplates[${template}]`;
}

function podGroupLabel(namespace: string, name: string): string {
  return `PodGroup/${namespace}/${name}`;
}

function unifiedDiff(oldLabel: string, newLabel: string, oldText: string, newText: string, oldNote = '', newNote = ''): string {
  const patch = structuredPatch(oldLabel, newLabel, oldText, newText, oldNote, newNote, { context: CONTEXT_LINES });
  const header = (label: string, note: string) => (note ? `${label}\t${note}` : label);
  const lines = [`diff -u -N ${oldLabel} ${newLabel}`, `--- ${header(oldLabel, oldNote)}`, `+++ ${header(newLabel, newNote)}`];
  for (const hunk of patch.hunks) {
    // GNU diff numbers an empty range from the line before it: `-0,0`.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return lines.join('\n') + '\n';
}

/** The PodGroup spec as its template says it should be: the live spec with each differing field taken from the template. */
function expectedFields(live: PodGroupPolicyFields, drift: PodGroupDrift): PodGroupPolicyFields {
  const expected: Record<string, unknown> = { ...live };
  for (const d of drift.differences) {
    if (d.template === undefined) delete expected[d.field];
    else expected[d.field] = d.template;
  }
  return expected as PodGroupPolicyFields;
}

const IMMUTABLE_NOTE = '(PodGroup spec is immutable: recreate it to fix)';

function driftDiff(t: TemplateDrift, drift: PodGroupDrift, live: PodGroupPolicyFields): string {
  return unifiedDiff(
    templateLabel(t.namespace, t.workload, t.template),
    podGroupLabel(t.namespace, drift.name),
    policyYaml(expectedFields(live, drift)),
    policyYaml(live),
    '',
    IMMUTABLE_NOTE,
  );
}

function orphanDiff(orphan: OrphanPodGroup, live: PodGroupPolicyFields | undefined): string {
  const missing = orphan.reason === 'WorkloadNotFound' ? `(Workload "${orphan.workload}" not found)` : `(template "${orphan.template}" not found in Workload "${orphan.workload}")`;
  return unifiedDiff(templateLabel(orphan.namespace, orphan.workload, orphan.template), podGroupLabel(orphan.namespace, orphan.podGroup), '', policyYaml(live), missing);
}

/**
 * The unified diff of every drifted or orphaned PodGroup; `podGroups` supplies the live specs.
 * Empty when nothing drifted.
 */
export function renderUnifiedDiff(report: DriftReport, podGroups: ReadonlyMap<string, PodGroup>): string {
  const live = (namespace: string, name: string) => podGroups.get(`${namespace}/${name}`)?.spec;
  const parts: string[] = [];
  for (const t of report.templates) {
    for (const drift of t.podGroups) {
      if (drift.differences.length > 0) parts.push(driftDiff(t, drift, live(t.namespace, drift.name) ?? {}));
    }
  }
  for (const orphan of report.orphans) parts.push(orphanDiff(orphan, live(orphan.namespace, orphan.podGroup)));
  return parts.join('');
}

/** One line per template no PodGroup was made from (printed to stderr: information, not drift). */
export function unusedTemplateNotes(report: DriftReport): string[] {
  return report.unusedTemplates.map((t) => `info: ${templateLabel(t.namespace, t.workload, t.template)} has no PodGroup`);
}
