import { goQuote, invalid, splitApiVersion } from '@kubectl-workload/api';
import type { PodGroup } from '@kubectl-workload/api';
import { controllerRefOf } from '../../job/ownership.js';
import { defineRule } from '../../rule.js';
import { resolveTemplateRef } from '../../template/ref.js';

const ownerText = (kind: string, group: string, name: string): string => `${group ? `${kind}.${group}` : kind} ${goQuote(name)}`;

/**
 * X-24 [PROPOSAL]: a template-backed PodGroup's controller is the owner its Workload names in
 * spec.controllerRef (same group, kind and name).
 */
export const x24 = defineRule<PodGroup>({
  id: 'X-24',
  doc: "A PodGroup's controller matches its Workload's spec.controllerRef.",
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const owner = controllerRefOf(object);
    if (!owner) return [];
    const resolved = await resolveTemplateRef(object, lookup);
    const wanted = resolved?.workload?.spec?.controllerRef;
    if (!resolved || !wanted?.kind || !wanted.name) return [];
    const ownerGroup = splitApiVersion(owner.apiVersion).group;
    const wantedGroup = wanted.apiGroup ?? '';
    if (owner.kind === wanted.kind && owner.name === wanted.name && ownerGroup === wantedGroup) return [];
    return [
      invalid(
        'spec.podGroupTemplateRef',
        { ...object.spec?.podGroupTemplateRef },
        `Workload ${goQuote(resolved.ref.workloadName)} belongs to ${ownerText(wanted.kind, wantedGroup, wanted.name)} (spec.controllerRef), but this PodGroup's controller is ${ownerText(owner.kind, ownerGroup, owner.name)}`,
      ),
    ];
  },
});
