// Controller ownership as metav1.IsControlledBy sees it, tolerant of manifests that carry no UIDs.

import { controllerRefOf, splitApiVersion } from '@kubectl-workload/api';
import type { Job, KubeObject, OwnerReference } from '@kubectl-workload/api';

// The plugin's explain reads controllers through the rules package.
export { controllerRefOf };

/** Whether a controller ownerReference points at `job` (by UID when both sides have one, else by name). */
export function isControlledByJob(obj: KubeObject, job: Job): boolean {
  const ref = controllerRefOf(obj);
  if (!ref || ref.kind !== 'Job' || splitApiVersion(ref.apiVersion).group !== 'batch') return false;
  const uid = job.metadata?.uid;
  return uid && ref.uid ? ref.uid === uid : ref.name === job.metadata?.name;
}

/** `metav1.NewControllerRef(job, batch/v1 Job)`. */
export function jobControllerRef(job: Job): OwnerReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata?.name ?? '',
    uid: job.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}
