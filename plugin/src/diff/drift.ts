// Template-to-live drift (api-rules X-10..X-14, X-22): every Workload template with the PodGroups
// made from it and their field-level differences; PodGroups whose Workload or template is gone;
// templates nothing was made from.

import { namespaceOf, nameOf, type PodGroup, type Workload } from '@kubectl-workload/api';
import { compareWithTemplate, resolveIn, writtenTemplateRef, type TemplateDifference } from '@kubectl-workload/rules';

/** An RFC 6902 operation that would make the PodGroup spec match its template. */
export interface PatchOperation {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: unknown;
}

export interface PodGroupDrift {
  readonly name: string;
  readonly differences: readonly TemplateDifference[];
  readonly patch: readonly PatchOperation[];
}

export interface TemplateDrift {
  readonly namespace: string;
  readonly workload: string;
  readonly template: string;
  readonly podGroups: readonly PodGroupDrift[];
}

export interface OrphanPodGroup {
  readonly namespace: string;
  readonly podGroup: string;
  readonly workload: string;
  readonly template: string;
  /** the Workload was deleted, or has no template of that name, after the PodGroup was created. */
  readonly reason: 'WorkloadNotFound' | 'TemplateNotFound';
}

export interface DriftReport {
  /** True when any PodGroup differs from its template or has lost it (exit code 1). */
  readonly drift: boolean;
  readonly templates: readonly TemplateDrift[];
  readonly orphans: readonly OrphanPodGroup[];
  /** Templates no PodGroup references (information, not drift). */
  readonly unusedTemplates: readonly { readonly namespace: string; readonly workload: string; readonly template: string }[];
}

function patchFor(differences: readonly TemplateDifference[]): PatchOperation[] {
  return differences.map((d) => {
    const path = `/spec/${d.field}`;
    if (d.template === undefined) return { op: 'remove', path };
    return { op: d.podGroup === undefined ? 'add' : 'replace', path, value: d.template };
  });
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * Drift of `workloads` and the `podGroups` of the same namespaces. With `onlyWorkload`, only that
 * Workload's templates and the PodGroups that name it.
 */
export function computeDrift(workloads: readonly Workload[], podGroups: readonly PodGroup[], onlyWorkload?: string): DriftReport {
  const wanted = (name: string) => onlyWorkload === undefined || name === onlyWorkload;
  const workloadByKey = new Map(workloads.map((w) => [`${namespaceOf(w)}/${nameOf(w)}`, w]));
  const groupsByTemplate = new Map<string, PodGroupDrift[]>();
  const orphans: OrphanPodGroup[] = [];

  for (const group of podGroups) {
    const ref = writtenTemplateRef(group);
    if (!ref || !wanted(ref.workloadName)) continue;
    const namespace = namespaceOf(group);
    const { workloadName, templateName } = ref;
    const { workload: owner, template } = resolveIn(ref, workloadByKey.get(`${namespace}/${workloadName}`));
    if (!owner || !template) {
      orphans.push({
        namespace,
        podGroup: nameOf(group),
        workload: workloadName,
        template: templateName,
        reason: owner ? 'TemplateNotFound' : 'WorkloadNotFound',
      });
      continue;
    }
    const differences = compareWithTemplate(group.spec, template);
    const key = `${namespace}/${workloadName}/${templateName}`;
    const drift = { name: nameOf(group), differences, patch: patchFor(differences) };
    const same = groupsByTemplate.get(key);
    if (same) same.push(drift);
    else groupsByTemplate.set(key, [drift]);
  }

  const templates: TemplateDrift[] = [];
  for (const workload of workloads) {
    if (!wanted(nameOf(workload))) continue;
    for (const template of workload.spec?.podGroupTemplates ?? []) {
      const namespace = namespaceOf(workload);
      const groups = groupsByTemplate.get(`${namespace}/${nameOf(workload)}/${template.name ?? ''}`) ?? [];
      templates.push({ namespace, workload: nameOf(workload), template: template.name ?? '', podGroups: [...groups].sort(byName) });
    }
  }
  templates.sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.workload.localeCompare(b.workload) || a.template.localeCompare(b.template),
  );
  orphans.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.podGroup.localeCompare(b.podGroup));

  return {
    drift: orphans.length > 0 || templates.some((t) => t.podGroups.some((g) => g.differences.length > 0)),
    templates,
    orphans,
    unusedTemplates: templates
      .filter((t) => t.podGroups.length === 0)
      .map(({ namespace, workload, template }) => ({ namespace, workload, template })),
  };
}
