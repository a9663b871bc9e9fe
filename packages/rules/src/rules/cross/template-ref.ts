// Resolving a PodGroup's Workload template through the lookup (X-01..X-03, X-10..X-14, X-22, X-24,
// /mutate): `spec.podGroupTemplateRef.workload` in 1.36, `spec.workloadRef` in 1.37, where the
// template may also sit under a composite template.

import { kubeVersionOfObject, namespaceOf, templateRefOf } from '@kubectl-workload/api';
import type { ObjectLookup, PodGroup, PodGroupTemplate, TemplateRef, Workload, Workload137 } from '@kubectl-workload/api';
import { podGroupTemplates } from '../v137/template-tree.js';


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
  return { ref, workload, template: workload && findPodGroupTemplate(workload, ref.templateName) };
}

/** The pod group template named `name`: top-level in 1.36, anywhere in the template tree in 1.37. */
export function findPodGroupTemplate(workload: Workload, name: string): PodGroupTemplate | undefined {
  if (kubeVersionOfObject(workload) !== '1.37') return workload.spec?.podGroupTemplates?.find((t) => t.name === name);
  return podGroupTemplates((workload as Workload137).spec).find((l) => l.template.name === name)?.template as PodGroupTemplate | undefined;
}
