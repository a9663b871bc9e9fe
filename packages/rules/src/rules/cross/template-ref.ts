// Resolving a PodGroup's `spec.podGroupTemplateRef.workload` through the lookup (X-01..X-03,
// X-10..X-14, X-22, X-24).

import { namespaceOf, templateRefOf } from '@kubectl-workload/api';
import type { ObjectLookup, PodGroup, PodGroupTemplate, TemplateRef, Workload } from '@kubectl-workload/api';


export interface ResolvedTemplateRef {
  ref: TemplateRef;
  workload: Workload | undefined;
  template: PodGroupTemplate | undefined;
}

/** Looks the referenced Workload and template up; undefined for a standalone PodGroup. */
export async function resolveTemplateRef(podGroup: PodGroup, lookup: ObjectLookup): Promise<ResolvedTemplateRef | undefined> {
  const ref = templateRefOf(podGroup);
  if (!ref) return undefined;
  const workload = await lookup.getWorkload(namespaceOf(podGroup), ref.workloadName);
  const template = workload?.spec?.podGroupTemplates?.find((t) => t.name === ref.templateName);
  return { ref, workload, template };
}
