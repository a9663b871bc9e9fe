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

/** One file pair of the diff: the template's side and the PodGroup's, with their YAML. */
export interface DiffPair {
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly oldText: string;
  readonly newText: string;
  /** Shown after a tab on the `---`/`+++` lines, where diff prints timestamps. */
  readonly oldNote: string;
  readonly newNote: string;
  /** The pair's file name for an external diff program: what kubectl names its temp files. */
  readonly fileName: string;
}

function unifiedDiff({ oldLabel, newLabel, oldText, newText, oldNote, newNote }: DiffPair): string {
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
    if (d.template === undefined) Reflect.deleteProperty(expected, d.field);
    else expected[d.field] = d.template;
  }
  return expected;
}

const IMMUTABLE_NOTE = '(PodGroup spec is immutable: recreate it to fix)';

function fileName(namespace: string, podGroup: string): string {
  return `scheduling.k8s.io.v1alpha2.PodGroup.${namespace}.${podGroup}`;
}

function driftPair(t: TemplateDrift, drift: PodGroupDrift, live: PodGroupPolicyFields): DiffPair {
  return {
    oldLabel: templateLabel(t.namespace, t.workload, t.template),
    newLabel: podGroupLabel(t.namespace, drift.name),
    oldText: policyYaml(expectedFields(live, drift)),
    newText: policyYaml(live),
    oldNote: '',
    newNote: IMMUTABLE_NOTE,
    fileName: fileName(t.namespace, drift.name),
  };
}

function orphanPair(orphan: OrphanPodGroup, live: PodGroupPolicyFields | undefined): DiffPair {
  const missing =
    orphan.reason === 'WorkloadNotFound'
      ? `(Workload "${orphan.workload}" not found)`
      : `(template "${orphan.template}" not found in Workload "${orphan.workload}")`;
  return {
    oldLabel: templateLabel(orphan.namespace, orphan.workload, orphan.template),
    newLabel: podGroupLabel(orphan.namespace, orphan.podGroup),
    oldText: '',
    newText: policyYaml(live),
    oldNote: missing,
    newNote: '',
    fileName: fileName(orphan.namespace, orphan.podGroup),
  };
}

/** A pair per drifted or orphaned PodGroup; `podGroups` supplies the live specs. */
export function diffPairs(report: DriftReport, podGroups: ReadonlyMap<string, PodGroup>): DiffPair[] {
  const live = (namespace: string, name: string) => podGroups.get(`${namespace}/${name}`)?.spec;
  const pairs: DiffPair[] = [];
  for (const t of report.templates) {
    for (const drift of t.podGroups) {
      if (drift.differences.length > 0) pairs.push(driftPair(t, drift, live(t.namespace, drift.name) ?? {}));
    }
  }
  for (const orphan of report.orphans) pairs.push(orphanPair(orphan, live(orphan.namespace, orphan.podGroup)));
  return pairs;
}

/** The unified diff of every drifted or orphaned PodGroup; empty when nothing drifted. */
export function renderUnifiedDiff(report: DriftReport, podGroups: ReadonlyMap<string, PodGroup>): string {
  return diffPairs(report, podGroups).map(unifiedDiff).join('');
}

/** One line per template no PodGroup was made from (printed to stderr: information, not drift). */
export function unusedTemplateNotes(report: DriftReport): string[] {
  return report.unusedTemplates.map((t) => `info: ${templateLabel(t.namespace, t.workload, t.template)} has no PodGroup`);
}
