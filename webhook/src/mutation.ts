// /mutate: a PodGroup created from a Workload template (either API version) gets every spec field the user left unset
// filled from that template (fillFromTemplate, the rules package's one template comparison).
// What the user set is never overwritten: validation (X-10..14) then reports the mismatch.
// Once filled, nothing is left unset, so a reinvocation (reinvocationPolicy IfNeeded) adds nothing.

import { LookupUnavailableError } from '@kubectl-workload/api';
import type { ObjectLookup, PodGroup } from '@kubectl-workload/api';
import { fillFromTemplate, resolveTemplateRef } from '@kubectl-workload/rules';
import type { TemplatePatchOperation } from '@kubectl-workload/rules';

export interface Mutation {
  patch: TemplatePatchOperation[];
  /** Set when the Workload could not be read: the PodGroup is admitted unchanged. */
  lookupError?: string;
}

/** No Workload or no such template: nothing to fill; validation reports. */
export async function mutationFor(podGroup: PodGroup, namespace: string, lookup: ObjectLookup): Promise<Mutation> {
  if (!podGroup.spec) return { patch: [] };
  let template;
  try {
    template = (await resolveTemplateRef(podGroup, lookup, namespace))?.template;
  } catch (err) {
    if (err instanceof LookupUnavailableError) return { patch: [], lookupError: err.message };
    throw err;
  }
  return { patch: template ? fillFromTemplate(podGroup.spec, template) : [] };
}
