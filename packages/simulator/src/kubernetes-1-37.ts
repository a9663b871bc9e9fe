// A 1.36 run over 1.37 objects says which semantics it used rather than passing 1.36 behaviour off as 1.37's.

import { kubeVersionOfObject, type KubeObject } from '@kubectl-workload/api';

export const KUBERNETES_1_37_NOTE =
  'Kubernetes 1.37 objects (scheduling.k8s.io/v1beta1 or v1alpha3) are simulated with the 1.36 PodGroup cycle because of --kube-version 1.36: composite gangs, root scheduling units and the 1.37 texts (PodGroupInitiallyScheduled) are modelled only with --kube-version 1.37';

/** The note, once, when a 1.36 run sees any 1.37 object. */
export function kubernetes137Notes(objects: readonly KubeObject[]): string[] {
  return objects.some((obj) => kubeVersionOfObject(obj) === '1.37') ? [KUBERNETES_1_37_NOTE] : [];
}
