import { goQuote, invalid, namespaceOf, notFound } from '@kubectl-workload/api';
import type { FieldError, PodGroup, Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { RuleContext } from '../../rule.js';
import { resolveTemplateRef } from '../../template/ref.js';

const ONLY_AT_CREATE = 'the reference is only checked when a PodGroup is created (X-01..X-03)';

/** A PodGroup being updated whose Workload or template went away after it was created. */
async function danglingReference({ object, lookup }: RuleContext<PodGroup>): Promise<FieldError[]> {
  const resolved = await resolveTemplateRef(object, lookup);
  if (!resolved) return [];
  const { ref, workload, template } = resolved;
  const wl = goQuote(ref.workloadName);
  const problem = !workload
    ? `Workload ${wl} no longer exists`
    : workload.metadata?.deletionTimestamp
      ? `Workload ${wl} is being deleted`
      : !template
        ? `Workload ${wl} has no PodGroupTemplate ${goQuote(ref.templateName)} any more`
        : undefined;
  return problem ? [notFound('spec.podGroupTemplateRef', { ...object.spec?.podGroupTemplateRef }, `${problem}; ${ONLY_AT_CREATE}`)] : [];
}

/** A Workload being deleted while PodGroups still reference it. */
async function stillReferenced({ object, lookup }: RuleContext<Workload>): Promise<FieldError[]> {
  const name = object.metadata?.name ?? '';
  const users = (await lookup.podGroupsFromTemplate(namespaceOf(object), name)).map((pg) => goQuote(pg.metadata?.name ?? ''));
  if (!users.length) return [];
  return [
    invalid(
      'metadata.name',
      name,
      `still referenced by PodGroup${users.length === 1 ? '' : 's'} ${users.join(', ')} (spec.podGroupTemplateRef); they stay without a template, and a Workload recreated under this name is not checked against them`,
    ),
  ];
}

/**
 * X-22 [PROPOSAL]: template references that dangle after creation — on PodGroup updates (lint of
 * existing objects) and when the Workload is deleted. For DELETE, the object is the Workload as stored.
 */
export const x22 = defineRule({
  id: 'X-22',
  doc: 'PodGroups keep pointing at a Workload and template that exist.',
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup', 'Workload'],
  operations: ['UPDATE', 'DELETE'],
  subResources: ['', 'status'],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: (ctx) => {
    if (ctx.object.kind === 'Workload') return ctx.operation === 'DELETE' ? stillReferenced(ctx) : [];
    return ctx.operation === 'UPDATE' ? danglingReference(ctx) : [];
  },
});
