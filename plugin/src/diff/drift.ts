// Template-to-live drift (api-rules X-10..X-14, X-22): every Workload template with the groups made
// from it and their field-level differences; groups whose Workload or template is gone; templates
// nothing was made from. On 1.37 (api-rules-1.37.md §9) the template may sit anywhere in the
// Workload's tree, composite templates are compared with the CompositePodGroups made from them, and
// a gang minCount the template changed is not drift.

import {
  kubeVersionOfObject,
  namespaceOf,
  nameOf,
  type CompositePodGroup,
  type CompositePodGroupTemplate,
  type KubeObject,
  type PodGroup,
  type PodGroupPolicyFields,
  type PodGroupSchedulingPolicy,
  type PodGroupTemplate,
  type TemplateRef,
  type Workload,
  type Workload137,
} from '@kubectl-workload/api';
import {
  compareWithTemplate,
  compositeTemplatesOf,
  isMinCountOnly,
  podGroupTemplatesOf,
  writtenTemplateRef,
  type TemplateDifference,
} from '@kubectl-workload/rules';

/** An RFC 6902 operation that would make the group's spec match its template. */
export interface PatchOperation {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: unknown;
}

/**
 * A 1.37 gang minCount that differs from the template's. `changedBy`: `template` when the
 * Workload's generation shows it was edited (in 1.37 a template's minCount is the only thing that
 * can change, WL-29; the Job controller then patches the PodGroup, JOB-27): not drift. `podGroup`
 * when the PodGroup was edited (PG-22), `creation` when it was made that way: drift.
 */
export interface MinCountChange {
  readonly podGroup: number | null;
  readonly template: number | null;
  readonly changedBy: 'template' | 'podGroup' | 'creation';
  readonly workloadGeneration: number | null;
}

export interface PodGroupDrift {
  readonly name: string;
  readonly differences: readonly TemplateDifference[];
  readonly patch: readonly PatchOperation[];
  /** 1.37 only, when the gang minCount differs from the template's. */
  readonly minCount?: MinCountChange;
}

export interface TemplateDrift {
  readonly namespace: string;
  readonly workload: string;
  readonly template: string;
  readonly podGroups: readonly PodGroupDrift[];
}

/** A composite template (1.37) and the CompositePodGroups made from it (`spec.workloadRef`). */
export interface CompositeTemplateDrift {
  readonly namespace: string;
  readonly workload: string;
  readonly template: string;
  readonly compositePodGroups: readonly PodGroupDrift[];
}

export type OrphanReason = 'WorkloadNotFound' | 'TemplateNotFound';

/** A group whose Workload or template is gone; K names its kind's key in the output (`podGroup`, `compositePodGroup`). */
type Orphan<K extends string> = {
  readonly namespace: string;
  readonly workload: string;
  readonly template: string;
  /** the Workload was deleted, or has no template of that name, after the group was created. */
  readonly reason: OrphanReason;
} & { readonly [P in K]: string };

export type OrphanPodGroup = Orphan<'podGroup'>;
export type OrphanCompositePodGroup = Orphan<'compositePodGroup'>;

export interface UnusedTemplate {
  readonly namespace: string;
  readonly workload: string;
  readonly template: string;
}

export interface DriftReport {
  /** True when any group differs from its template or has lost it (exit code 1). */
  readonly drift: boolean;
  readonly templates: readonly TemplateDrift[];
  readonly orphans: readonly OrphanPodGroup[];
  /** Templates no PodGroup references (information, not drift). */
  readonly unusedTemplates: readonly UnusedTemplate[];
  /** 1.37: composite templates with their CompositePodGroups, those whose template is gone, and unused ones. */
  readonly compositeTemplates: readonly CompositeTemplateDrift[];
  readonly compositeOrphans: readonly OrphanCompositePodGroup[];
  readonly unusedCompositeTemplates: readonly UnusedTemplate[];
}

function patchFor(differences: readonly TemplateDifference[], minCountMutable: boolean): PatchOperation[] {
  return differences.map((d) => {
    // 1.37: only minCount is mutable in a gang policy (PG-22): patch that, not the whole policy.
    if (minCountMutable && isMinCountOnly(d))
      return {
        op: 'replace',
        path: '/spec/schedulingPolicy/gang/minCount',
        value: (d.template as PodGroupSchedulingPolicy).gang?.minCount,
      };
    const path = `/spec/${d.field}`;
    if (d.template === undefined) return { op: 'remove', path };
    return { op: d.podGroup === undefined ? 'add' : 'replace', path, value: d.template };
  });
}

/** Who changed a 1.37 minCount, read from the generations (metadata.generation counts spec edits). */
function minCountChange(difference: TemplateDifference, group: PodGroup, workload: Workload): MinCountChange {
  const edited = (obj: KubeObject) => (obj.metadata?.generation ?? 1) > 1;
  const minCount = (policy: unknown) => (policy as PodGroupSchedulingPolicy).gang?.minCount ?? null;
  return {
    podGroup: minCount(difference.podGroup),
    template: minCount(difference.template),
    changedBy: edited(workload) ? 'template' : edited(group) ? 'podGroup' : 'creation',
    workloadGeneration: workload.metadata?.generation ?? null,
  };
}

/** A PodGroup against its template; on 1.37 a minCount the template changed is left out of the differences. */
export function podGroupDrift(group: PodGroup, template: PodGroupTemplate, workload: Workload): PodGroupDrift {
  const all = compareWithTemplate(group.spec, template);
  const v137 = kubeVersionOfObject(group) === '1.37';
  const minCountOnly = v137 ? all.find(isMinCountOnly) : undefined;
  const minCount = minCountOnly && minCountChange(minCountOnly, group, workload);
  const differences = minCount?.changedBy === 'template' ? all.filter((d) => d !== minCountOnly) : all;
  return { name: nameOf(group), differences, patch: patchFor(differences, v137), ...(minCount ? { minCount } : {}) };
}

/** CPG-05 against WL-34: basic or gang, and the gang's minGroupCount. */
function sameCompositePolicy(a: CompositePodGroupTemplate['schedulingPolicy'], b: CompositePodGroupTemplate['schedulingPolicy']): boolean {
  const gangOf = (p: typeof a) => (p?.gang ? (p.gang.minGroupCount ?? 0) : null);
  return (a?.basic !== undefined) === (b?.basic !== undefined) && gangOf(a) === gangOf(b);
}

/** The fields a CompositePodGroup copies from its composite template, besides its policy. */
const COMPOSITE_FIELDS = ['schedulingConstraints', 'disruptionMode', 'priorityClassName', 'priority'] as const;

function compositeDrift(group: CompositePodGroup, template: CompositePodGroupTemplate): PodGroupDrift {
  const spec = group.spec ?? {};
  const policy: TemplateDifference[] = sameCompositePolicy(spec.schedulingPolicy, template.schedulingPolicy)
    ? []
    : [{ field: 'schedulingPolicy', path: 'spec.schedulingPolicy', podGroup: spec.schedulingPolicy, template: template.schedulingPolicy }];
  // The shared fields mean the same on both kinds (unset disruptionMode = {single: {}}, CPG-08).
  const rest = compareWithTemplate(spec as PodGroupPolicyFields, template as PodGroupPolicyFields, COMPOSITE_FIELDS);
  const differences = [...policy, ...rest];
  // A CompositePodGroup's spec is immutable (CPG-06): the patch says what it would take, not what the API allows.
  return { name: nameOf(group), differences, patch: patchFor(differences, false) };
}

interface Matched<D> {
  readonly byTemplate: Map<string, D[]>;
  readonly orphans: Array<{ namespace: string; name: string; workload: string; template: string; reason: OrphanReason }>;
}

/** The output shape of orphans, with the group's name under its kind's key (key order is the JSON order). */
function orphansAs<K extends string>(kind: K, orphans: Matched<unknown>['orphans']): Orphan<K>[] {
  return orphans.map(
    ({ namespace, name, workload, template, reason }) => ({ namespace, [kind]: name, workload, template, reason }) as Orphan<K>,
  );
}

const templateKey = (namespace: string, workload: string, template: string) => `${namespace}/${workload}/${template}`;

/** Groups sorted to the template they name, or to the orphans when their Workload or template is gone. */
function matchGroups<G extends KubeObject, T, D>(
  groups: readonly G[],
  refOf: (group: G) => TemplateRef | undefined,
  workloads: ReadonlyMap<string, Workload>,
  templates: ReadonlyMap<string, T>,
  wanted: (workload: string) => boolean,
  drift: (group: G, template: T, workload: Workload) => D,
): Matched<D> {
  const byTemplate = new Map<string, D[]>();
  const orphans: Matched<D>['orphans'] = [];
  for (const group of groups) {
    const ref = refOf(group);
    if (!ref || !wanted(ref.workloadName)) continue;
    const namespace = namespaceOf(group);
    const { workloadName: workload, templateName: template } = ref;
    const key = templateKey(namespace, workload, template);
    const owner = workloads.get(`${namespace}/${workload}`);
    const found = templates.get(key);
    if (!owner || found === undefined) {
      orphans.push({ namespace, name: nameOf(group), workload, template, reason: owner ? 'TemplateNotFound' : 'WorkloadNotFound' });
      continue;
    }
    const same = byTemplate.get(key);
    if (same) same.push(drift(group, found, owner));
    else byTemplate.set(key, [drift(group, found, owner)]);
  }
  orphans.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { byTemplate, orphans };
}

/** A Workload's pod group and composite templates by name: top-level in 1.36, the whole tree in 1.37 (names are unique there, WL-36). */
function templatesOf(workload: Workload): { podGroup: PodGroupTemplate[]; composite: CompositePodGroupTemplate[] } {
  if (kubeVersionOfObject(workload) !== '1.37') return { podGroup: workload.spec?.podGroupTemplates ?? [], composite: [] };
  const spec = (workload as Workload137).spec;
  return {
    podGroup: podGroupTemplatesOf(spec).map((l) => l.template as PodGroupTemplate),
    composite: compositeTemplatesOf(spec).map((l) => l.template),
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byTemplate = (a: UnusedTemplate, b: UnusedTemplate) =>
  a.namespace.localeCompare(b.namespace) || a.workload.localeCompare(b.workload) || a.template.localeCompare(b.template);

/** Each template of `workloads` (sorted) with the drift of the groups made from it. */
function perTemplate<D extends { name: string }>(
  workloads: readonly Workload[],
  templates: (workload: Workload) => readonly { name?: string }[],
  matched: ReadonlyMap<string, D[]>,
): Array<UnusedTemplate & { groups: D[] }> {
  const out = workloads.flatMap((workload) =>
    templates(workload).map((t) => {
      const namespace = namespaceOf(workload);
      const groups = matched.get(templateKey(namespace, nameOf(workload), t.name ?? '')) ?? [];
      return { namespace, workload: nameOf(workload), template: t.name ?? '', groups: [...groups].sort(byName) };
    }),
  );
  return out.sort(byTemplate);
}

const unused = (entries: ReadonlyArray<UnusedTemplate & { groups: readonly unknown[] }>): UnusedTemplate[] =>
  entries.filter((t) => t.groups.length === 0).map(({ namespace, workload, template }) => ({ namespace, workload, template }));

/**
 * Drift of `workloads` and the PodGroups and CompositePodGroups of the same namespaces. With
 * `onlyWorkload`, only that Workload's templates and the groups that name it.
 */
export function computeDrift(
  workloads: readonly Workload[],
  podGroups: readonly PodGroup[],
  onlyWorkload?: string,
  compositePodGroups: readonly CompositePodGroup[] = [],
): DriftReport {
  const wanted = (name: string) => onlyWorkload === undefined || name === onlyWorkload;
  const shown = workloads.filter((w) => wanted(nameOf(w)));
  const workloadByKey = new Map(workloads.map((w) => [`${namespaceOf(w)}/${nameOf(w)}`, w]));
  const podGroupTemplates = new Map<string, PodGroupTemplate>();
  const compositeTemplates = new Map<string, CompositePodGroupTemplate>();
  for (const workload of workloads) {
    const { podGroup, composite } = templatesOf(workload);
    for (const t of podGroup) podGroupTemplates.set(templateKey(namespaceOf(workload), nameOf(workload), t.name ?? ''), t);
    for (const t of composite) compositeTemplates.set(templateKey(namespaceOf(workload), nameOf(workload), t.name ?? ''), t);
  }
  const pods = matchGroups(podGroups, writtenTemplateRef, workloadByKey, podGroupTemplates, wanted, podGroupDrift);
  const compositeRef = (g: CompositePodGroup) => {
    const ref = g.spec?.workloadRef;
    return ref ? { workloadName: ref.workloadName ?? '', templateName: ref.templateName ?? '' } : undefined;
  };
  const composites = matchGroups(compositePodGroups, compositeRef, workloadByKey, compositeTemplates, wanted, compositeDrift);

  const templates = perTemplate(shown, (w) => templatesOf(w).podGroup, pods.byTemplate);
  const compositeEntries = perTemplate(shown, (w) => templatesOf(w).composite, composites.byTemplate);
  const drifted = (entries: ReadonlyArray<{ groups: readonly PodGroupDrift[] }>) =>
    entries.some((t) => t.groups.some((g) => g.differences.length > 0));
  return {
    drift: pods.orphans.length > 0 || composites.orphans.length > 0 || drifted(templates) || drifted(compositeEntries),
    templates: templates.map(({ groups, ...t }) => ({ ...t, podGroups: groups })),
    orphans: orphansAs('podGroup', pods.orphans),
    unusedTemplates: unused(templates),
    compositeTemplates: compositeEntries.map(({ groups, ...t }) => ({ ...t, compositePodGroups: groups })),
    compositeOrphans: orphansAs('compositePodGroup', composites.orphans),
    unusedCompositeTemplates: unused(compositeEntries),
  };
}
