// Which scheduling cycle a run used, said once in the notes: 1.37 objects simulated as 1.36, or the
// 1.37 cycle with the status-model variant it chose where scheduler-1.37.md §3.4 is AMBIGUOUS.

import { kubeVersionOfObject, type KubeObject } from '@kubectl-workload/api';

export const KUBERNETES_1_37_NOTE =
  'Kubernetes 1.37 objects (scheduling.k8s.io/v1beta1 or v1alpha3) are simulated with the 1.36 PodGroup cycle: composite gangs, root scheduling units and the 1.37 texts (PodGroupInitiallyScheduled) are not modelled yet';

/** The note, once, when a 1.36 run sees any 1.37 object. */
export function kubernetes137Notes(objects: readonly KubeObject[]): string[] {
  return objects.some((obj) => kubeVersionOfObject(obj) === '1.37') ? [KUBERNETES_1_37_NOTE] : [];
}
