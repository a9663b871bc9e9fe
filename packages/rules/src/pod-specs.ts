// Where PodSpecs live inside objects: a Pod's own spec, and the pod templates of workload controllers.

import { knownKind } from '@kubectl-workload/api';
import type { CronJob, KnownKind, KubeObject, Pod, PodSpec, PodTemplateSpec } from '@kubectl-workload/api';

export interface PodSpecLocation {
  /** Field path of the PodSpec, e.g. `spec.template.spec`. */
  path: string;
  spec: PodSpec;
}

/** Kinds whose `spec.template` is a pod template (POD-06). */
export const POD_TEMPLATE_KINDS = [
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const satisfies readonly KnownKind[];

function templateSpec(template: PodTemplateSpec | undefined, path: string): PodSpecLocation[] {
  return template?.spec ? [{ path, spec: template.spec }] : [];
}

/** The PodSpecs an object carries (none for kinds without pods). */
export function podSpecsOf(obj: KubeObject): PodSpecLocation[] {
  switch (knownKind(obj)) {
    case 'Pod': {
      const spec = (obj as Pod).spec;
      return spec ? [{ path: 'spec', spec }] : [];
    }
    case 'CronJob':
      return templateSpec((obj as CronJob).spec?.jobTemplate?.spec?.template, 'spec.jobTemplate.spec.template.spec');
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Job':
      return templateSpec((obj as { spec?: { template?: PodTemplateSpec } }).spec?.template, 'spec.template.spec');
    default:
      return [];
  }
}
