// Finding the objects a link follows in the loaded cluster state, within one namespace.

import {
  kubeVersionOfObject,
  namespaceOf,
  nameOf,
  templateRefOf,
  type KubeObject,
  type KubeVersion,
  type Pod,
  type PodGroupSchedulingPolicy,
  type PodGroup,
  type PodGroupTemplate,
  type Workload,
  type Workload137,
} from '@kubectl-workload/api';
import { compositeTemplatesOf, controllerRefOf, podGroupTemplatesOf } from '@kubectl-workload/rules';
import type { ExplainInput } from '../model.js';

/** The Kubernetes version whose controllers the chain reasons about (--kube-version, discovery, the snapshot). */
export function explainKubeVersion(input: ExplainInput): KubeVersion {
  return input.setup?.kubeVersion ?? '1.36';
}

/** `basic` or `gang minCount 3`: a scheduling policy in words. */
export function templatePolicyText(policy: PodGroupSchedulingPolicy | undefined): string {
  return policy?.gang ? `gang minCount ${policy.gang.minCount ?? '<unset>'}` : 'basic';
}

export function inNamespace<T extends KubeObject>(objects: readonly T[], namespace: string): T[] {
  return objects.filter((o) => namespaceOf(o) === namespace);
}

/** Pods whose `spec.schedulingGroup.podGroupName` names the group (terminal ones included). */
export function podsNaming(pods: readonly Pod[], group: PodGroup): Pod[] {
  return inNamespace(pods, namespaceOf(group)).filter((p) => p.spec?.schedulingGroup?.podGroupName === nameOf(group));
}

export function named<T extends KubeObject>(objects: readonly T[], namespace: string, name: string): T | undefined {
  return objects.find((o) => namespaceOf(o) === namespace && nameOf(o) === name);
}

/** A Workload's pod group templates: top-level in 1.36, anywhere in the template tree in 1.37. */
export function podGroupTemplatesIn(workload: Workload): PodGroupTemplate[] {
  if (kubeVersionOfObject(workload) !== '1.37') return workload.spec?.podGroupTemplates ?? [];
  return podGroupTemplatesOf((workload as Workload137).spec).map((l) => l.template as PodGroupTemplate);
}

/** The names of a 1.37 Workload's composite templates (none in 1.36). */
export function compositeTemplateNames(workload: Workload): string[] {
  return compositeTemplatesOf((workload as Workload137).spec).map((l) => l.template.name ?? '');
}

/** How a PodGroup names its template, by API version: for messages and fixes. */
export function templateRefField(obj: KubeObject): { ref: string; workload: string; template: string } {
  return kubeVersionOfObject(obj) === '1.37'
    ? { ref: 'spec.workloadRef', workload: 'workloadName', template: 'templateName' }
    : { ref: 'spec.podGroupTemplateRef.workload', workload: 'workloadName', template: 'podGroupTemplateName' };
}

/** `default/llm-train`: how links name objects. */
export function label(obj: KubeObject): string {
  return `${namespaceOf(obj)}/${nameOf(obj)}`;
}

/** PodGroups made from one template of a Workload (1.36 `podGroupTemplateRef.workload`, 1.37 `workloadRef`). */
export function podGroupsOfTemplate(groups: readonly PodGroup[], workload: Workload, templateName: string): PodGroup[] {
  return inNamespace(groups, namespaceOf(workload)).filter((g) => {
    const ref = templateRefOf(g);
    return ref?.workloadName === nameOf(workload) && ref.templateName === templateName;
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
