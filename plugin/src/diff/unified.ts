// The `kubectl diff` layout (ecosystem.md §A6): `diff -u -N` of the template (---) against the
// PodGroup or CompositePodGroup (+++), showing only the spec fields a group copies from its template.

import { structuredPatch } from 'diff';
import { stringify } from 'yaml';
import { TEMPLATE_FIELDS } from '@kubectl-workload/rules';
import { kubeVersionOfObject, namespaceOf, nameOf, type KubeObject, type PodGroupPolicyFields } from '@kubectl-workload/api';
import type { DriftReport, OrphanPodGroup, PodGroupDrift, UnusedTemplate } from './drift.js';

const CONTEXT_LINES = 3;

/** The copied fields of a spec, in template order, as the YAML both sides of the diff are printed in. */
function policyYaml(fields: PodGroupPolicyFields | undefined): string {
  if (!fields) return '';
  const spec: Record<string, unknown> = {};
  for (const field of TEMPLATE_FIELDS) if (fields[field] !== undefined) spec[field] = fields[field];
  return stringify({ spec });
}

type TemplateList = 'podGroupTemplates' | 'compositePodGroupTemplates';
type GroupKind = 'PodGroup' | 'CompositePodGroup';

/** Template names are unique across a 1.37 Workload's tree (WL-36), so the name alone finds a nested one. */
function templateLabel(namespace: string, workload: string, template: string, list: TemplateList = 'podGroupTemplates'): string {
  return `Workload/${namespace}/${workload}#${list}[${template}]`;
}

function groupLabel(kind: GroupKind, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** The key of a live group in the map diffPairs reads: `PodGroup/default/train-workers`. */
export function liveKey(group: KubeObject): string {
  return groupLabel(group.kind === 'CompositePodGroup' ? 'CompositePodGroup' : 'PodGroup', namespaceOf(group), nameOf(group));
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

/** What it takes to fix the live side: its spec is immutable but for a 1.37 gang minCount (PG-22, CPG-06). */
function fixNote(group: KubeObject | undefined, kind: GroupKind): string {
  if (kind === 'CompositePodGroup') return '(CompositePodGroup spec is immutable: recreate it to fix)';
  if (group && kubeVersionOfObject(group) === '1.37')
    return '(PodGroup spec is immutable but for gang minCount: recreate it to fix the rest)';
  return '(PodGroup spec is immutable: recreate it to fix)';
}

/** What kubectl names its temporary files: group, version, kind, namespace, name. */
function fileName(group: KubeObject | undefined, kind: GroupKind, namespace: string, name: string): string {
  const apiVersion = group?.apiVersion ?? (kind === 'CompositePodGroup' ? 'scheduling.k8s.io/v1alpha3' : 'scheduling.k8s.io/v1alpha2');
  return `${apiVersion.replace('/', '.')}.${kind}.${namespace}.${name}`;
}

/** Live PodGroups and CompositePodGroups by liveKey; both copy the fields of TEMPLATE_FIELDS they have. */
type Live = ReadonlyMap<string, KubeObject & { spec?: object }>;

function driftPair(t: UnusedTemplate, drift: PodGroupDrift, kind: GroupKind, live: Live): DiffPair {
  const group = live.get(groupLabel(kind, t.namespace, drift.name));
  const spec = (group?.spec ?? {}) as PodGroupPolicyFields;
  return {
    oldLabel: templateLabel(t.namespace, t.workload, t.template, kind === 'PodGroup' ? 'podGroupTemplates' : 'compositePodGroupTemplates'),
    newLabel: groupLabel(kind, t.namespace, drift.name),
    oldText: policyYaml(expectedFields(spec, drift)),
    newText: policyYaml(spec),
    oldNote: '',
    newNote: fixNote(group, kind),
    fileName: fileName(group, kind, t.namespace, drift.name),
  };
}

function orphanPair(orphan: OrphanPodGroup, kind: GroupKind, live: Live): DiffPair {
  const group = live.get(groupLabel(kind, orphan.namespace, orphan.podGroup));
  const missing =
    orphan.reason === 'WorkloadNotFound'
      ? `(Workload "${orphan.workload}" not found)`
      : `(template "${orphan.template}" not found in Workload "${orphan.workload}")`;
  return {
    oldLabel: templateLabel(
      orphan.namespace,
      orphan.workload,
      orphan.template,
      kind === 'PodGroup' ? 'podGroupTemplates' : 'compositePodGroupTemplates',
    ),
    newLabel: groupLabel(kind, orphan.namespace, orphan.podGroup),
    oldText: '',
    newText: policyYaml(group?.spec),
    oldNote: missing,
    newNote: '',
    fileName: fileName(group, kind, orphan.namespace, orphan.podGroup),
  };
}

/** A pair per drifted or orphaned group, PodGroups first; `live` holds the groups by liveKey. */
export function diffPairs(report: DriftReport, live: Live): DiffPair[] {
  const drifted = (t: UnusedTemplate, groups: readonly PodGroupDrift[], kind: GroupKind) =>
    groups.filter((d) => d.differences.length > 0).map((d) => driftPair(t, d, kind, live));
  return [
    ...report.templates.flatMap((t) => drifted(t, t.podGroups, 'PodGroup')),
    ...report.orphans.map((o) => orphanPair(o, 'PodGroup', live)),
    ...report.compositeTemplates.flatMap((t) => drifted(t, t.compositePodGroups, 'CompositePodGroup')),
    ...report.compositeOrphans.map((o) => orphanPair({ ...o, podGroup: o.compositePodGroup }, 'CompositePodGroup', live)),
  ];
}

/** The unified diff of every drifted or orphaned group; empty when nothing drifted. */
export function renderUnifiedDiff(report: DriftReport, live: Live): string {
  return diffPairs(report, live).map(unifiedDiff).join('');
}

/**
 * Information for stderr, not drift: templates nothing was made from, and 1.37 gang minCounts that
 * differ because the template changed them (WL-29; the Job controller patches the PodGroup, JOB-27).
 */
export function unusedTemplateNotes(report: DriftReport): string[] {
  const minCounts = report.templates.flatMap((t) =>
    t.podGroups.flatMap(({ name, minCount }) =>
      minCount?.changedBy === 'template'
        ? [
            `info: ${groupLabel('PodGroup', t.namespace, name)} has gang minCount ${minCount.podGroup ?? '<unset>'}, template ` +
              `"${t.template}" now says ${minCount.template ?? '<unset>'}: the template changed it (Workload generation ` +
              `${minCount.workloadGeneration ?? '?'}); minCount is mutable in 1.37 (WL-29, PG-22), so this is not drift (X-10)`,
          ]
        : [],
    ),
  );
  return [
    ...report.unusedTemplates.map((t) => `info: ${templateLabel(t.namespace, t.workload, t.template)} has no PodGroup`),
    ...report.unusedCompositeTemplates.map(
      (t) => `info: ${templateLabel(t.namespace, t.workload, t.template, 'compositePodGroupTemplates')} has no CompositePodGroup`,
    ),
    ...minCounts,
  ];
}
