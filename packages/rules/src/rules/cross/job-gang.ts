// Gang size against the pods a Job runs at once.

import { goQuote, namespaceOf, splitApiVersion } from '@kubectl-workload/api';
import type { Job, KubeObject, ObjectLookup, TypedLocalObjectReference } from '@kubectl-workload/api';
import { controllerRefOf } from '../../job/ownership.js';
import { jobPodsAtOnce } from '../../job/qualification.js';

/** Why `minCount` can never be met by `job`, or undefined when it can. */
export function unreachableGang(minCount: number, job: Job): string | undefined {
  const count = jobPodsAtOnce(job);
  if (minCount <= count) return undefined;
  const pods = `${count} pod${count === 1 ? '' : 's'}`;
  return `exceeds the ${pods} Job ${goQuote(job.metadata?.name ?? '')} runs at once (the smaller of parallelism and completions), so the gang can never be scheduled`;
}

/** The Job a Workload's spec.controllerRef names, if it is a Job and exists. */
export async function jobOfControllerRef(
  ref: TypedLocalObjectReference | undefined,
  namespace: string,
  lookup: ObjectLookup,
): Promise<Job | undefined> {
  return ref?.kind === 'Job' && ref.apiGroup === 'batch' && ref.name ? lookup.getJob(namespace, ref.name) : undefined;
}

/** The Job that controls an object through its ownerReferences, if it exists. */
export async function controllingJob(obj: KubeObject, lookup: ObjectLookup): Promise<Job | undefined> {
  const ref = controllerRefOf(obj);
  if (ref?.kind !== 'Job' || splitApiVersion(ref.apiVersion).group !== 'batch') return undefined;
  return lookup.getJob(namespaceOf(obj), ref.name);
}
