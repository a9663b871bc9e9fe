// The one place that follows a PodGroup's template reference to its Workload and template
// (`spec.podGroupTemplateRef.workload` in 1.36, `spec.workloadRef` in 1.37, where the template may
// sit under a composite template): the X rules (X-01..X-03, X-10..X-14, X-19, X-22, X-24), the
// webhook's mutation, and the plugin's diff, explain and status all resolve references here.

import { kubeVersionOfObject, namespaceOf, templateRefOf } from '@kubectl-workload/api';
import type { ObjectLookup, PodGroup, PodGroup137, PodGroupTemplate, TemplateRef, Workload, Workload137 } from '@kubectl-workload/api';
import { podGroupTemplates } from '../rules/v137/template-tree.js';

/**
 * The reference as written, '' for a name left unset; undefined for a standalone PodGroup. For
 * showing and following references in a cluster, where a half-written one is reported as missing.
 * (`templateRefOf`, in the api package for the lookup indexes, gives only complete references.)
 */
export function writtenTemplateRef(podGroup: PodGroup): TemplateRef | undefined {
  if (kubeVersionOfObject(podGroup) === '1.37') {
    const ref = (podGroup as PodGroup137).spec?.workloadRef;
    return ref ? { workloadName: ref.workloadName ?? '', templateName: ref.templateName ?? '' } : undefined;
  }
  const ref = podGroup.spec?.podGroupTemplateRef?.workload;
  return ref ? { workloadName: ref.workloadName ?? '', templateName: ref.podGroupTemplateName ?? '' } : undefined;
}

/** The pod group template named `name`: top-level in 1.36, anywhere in the template tree in 1.37. */
function findPodGroupTemplate(workload: Workload, name: string): PodGroupTemplate | undefined {
  if (kubeVersionOfObject(workload) !== '1.37') return workload.spec?.podGroupTemplates?.find((t) => t.name === name);
  return podGroupTemplates((workload as Workload137).spec).find((l) => l.template.name === name)?.template as PodGroupTemplate | undefined;
}

export interface ResolvedTemplateRef {
  ref: TemplateRef;
  workload: Workload | undefined;
  template: PodGroupTemplate | undefined;
}

/** The template a reference names in a Workload that was found (or not). */
export function resolveIn(ref: TemplateRef, workload: Workload | undefined): ResolvedTemplateRef {
  return { ref, workload, template: workload && findPodGroupTemplate(workload, ref.templateName) };
}

/**
 * Looks the referenced Workload and template up; undefined for a standalone PodGroup. `namespace`
 * is the request's when the object does not name one (an admission request may leave it unset).
 */
export async function resolveTemplateRef(
  podGroup: PodGroup,
  lookup: ObjectLookup,
  namespace = namespaceOf(podGroup),
): Promise<ResolvedTemplateRef | undefined> {
  const ref = templateRefOf(podGroup);
  if (!ref) return undefined;
  return resolveIn(ref, await lookup.getWorkload(namespace, ref.workloadName));
}
