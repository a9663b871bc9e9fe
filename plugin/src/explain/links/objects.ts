// Finding the objects a link follows in the loaded cluster state, within one namespace.

import { namespaceOf, nameOf, type KubeObject, type Pod, type PodGroup, type Workload } from '@kubectl-workload/api';
import { controllerRefOf } from '@kubectl-workload/rules';

export function inNamespace<T extends KubeObject>(objects: readonly T[], namespace: string): T[] {
  return objects.filter((o) => namespaceOf(o) === namespace);
}

export function named<T extends KubeObject>(objects: readonly T[], namespace: string, name: string): T | undefined {
  return objects.find((o) => namespaceOf(o) === namespace && nameOf(o) === name);
}

/** `default/llm-train`: how links name objects. */
export function label(obj: KubeObject): string {
  return `${namespaceOf(obj)}/${nameOf(obj)}`;
}

/** PodGroups made from one template of a Workload (`spec.podGroupTemplateRef.workload`). */
export function podGroupsOfTemplate(groups: readonly PodGroup[], workload: Workload, templateName: string): PodGroup[] {
  return inNamespace(groups, namespaceOf(workload)).filter((g) => {
    const ref = g.spec?.podGroupTemplateRef?.workload;
    return ref?.workloadName === nameOf(workload) && ref.podGroupTemplateName === templateName;
  });
}

/** `Job default/etl-batch`: the controller of an object, in words, if it has one. */
export function controllerLabel(obj: KubeObject): string | undefined {
  const ref = controllerRefOf(obj);
  return ref ? `${ref.kind} ${namespaceOf(obj)}/${ref.name}` : undefined;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Pods that exist and are all bound to nodes (at least `atLeast` of them): a group or Job that is running. */
export function allBound(pods: readonly Pod[], atLeast = 1): boolean {
  return pods.length >= Math.max(atLeast, 1) && pods.every((p) => p.spec?.nodeName);
}
