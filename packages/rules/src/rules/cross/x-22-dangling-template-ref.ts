import { goQuote, invalid, namespaceOf, notFound } from '@kubectl-workload/api';
import type {
  CompositePodGroup,
  FieldError,
  KubeObject,
  PodGroup,
  PodGroup137,
  Workload,
  Workload137,
  WorkloadSpec137,
} from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { RuleContext } from '../../rule.js';
import { resolveTemplateRef } from '../../template/ref.js';
import { composites } from '../v137/template-tree.js';

const ONLY_AT_CREATE = 'the reference is only checked when a PodGroup is created (X-01..X-03)';
/** ADM-14: 1.37 removed the admission plugin that checked the reference at create. */
const NEVER_CHECKED_137 = 'Kubernetes 1.37 does not check the reference (PodGroupWorkloadExists was removed)';

/** What is wrong with a reference's Workload (`gone`, `noTemplate`: the version's wording), or undefined. */
function problemOf(
  workloadName: string,
  workload: KubeObject | undefined,
  templateFound: boolean,
  texts: { gone: string; noTemplate: string },
): string | undefined {
  const wl = goQuote(workloadName);
  if (!workload) return `Workload ${wl} ${texts.gone}`;
  if (workload.metadata?.deletionTimestamp) return `Workload ${wl} is being deleted`;
  return templateFound ? undefined : `Workload ${wl} ${texts.noTemplate}`;
}

/** A PodGroup being updated whose Workload or template went away after it was created. */
async function danglingReference({ object, lookup }: RuleContext<PodGroup>): Promise<FieldError[]> {
  const resolved = await resolveTemplateRef(object, lookup);
  if (!resolved) return [];
  const { ref, workload, template } = resolved;
  const problem = problemOf(ref.workloadName, workload, template !== undefined, {
    gone: 'no longer exists',
    noTemplate: `has no PodGroupTemplate ${goQuote(ref.templateName)} any more`,
  });
  return problem ? [notFound('spec.podGroupTemplateRef', { ...object.spec?.podGroupTemplateRef }, `${problem}; ${ONLY_AT_CREATE}`)] : [];
}

/** Which kind of template of a 1.37 Workload is called `name`, in one walk of its template tree. */
function templateKindNamed(spec: WorkloadSpec137 | undefined, name: string): 'CompositePodGroup' | 'PodGroup' | undefined {
  const named = (list: ReadonlyArray<{ name?: string }> | undefined): boolean => (list ?? []).some((t) => t.name === name);
  if (named(spec?.podGroupTemplates)) return 'PodGroup';
  for (const { template } of composites(spec)) {
    if (template.name === name) return 'CompositePodGroup';
    if (named(template.podGroupTemplates)) return 'PodGroup';
  }
  return undefined;
}

/**
 * A 1.37 PodGroup or CompositePodGroup whose spec.workloadRef names no Workload, one being deleted,
 * or no template of its kind. A PodGroup naming a composite template is X-31's.
 */
async function danglingWorkloadRef({ object, lookup }: RuleContext<PodGroup137 | CompositePodGroup>): Promise<FieldError[]> {
  const ref = object.spec?.workloadRef;
  if (!ref?.workloadName || !ref.templateName) return [];
  const workload = await lookup.getWorkload(namespaceOf(object), ref.workloadName);
  const kind = object.kind === 'CompositePodGroup' ? 'CompositePodGroup' : 'PodGroup';
  const found = templateKindNamed((workload as Workload137 | undefined)?.spec, ref.templateName);
  if (kind === 'PodGroup' && found === 'CompositePodGroup') return [];
  const problem = problemOf(ref.workloadName, workload, found === kind, {
    gone: 'does not exist',
    noTemplate: `has no ${kind}Template ${goQuote(ref.templateName)}`,
  });
  return problem ? [notFound('spec.workloadRef', { ...ref }, `${problem}; ${NEVER_CHECKED_137}`)] : [];
}

/** `PodGroups "a", "b"`, `CompositePodGroup "job"`: the referencing objects of one kind. */
function namesOf(kind: string, objects: readonly KubeObject[]): string | undefined {
  if (!objects.length) return undefined;
  return `${kind}${objects.length === 1 ? '' : 's'} ${objects.map((o) => goQuote(o.metadata?.name ?? '')).join(', ')}`;
}

/** A Workload being deleted while groups still reference it through `refField` (1.37: CompositePodGroups too). */
async function stillReferenced({ object, lookup, kubeVersion }: RuleContext<Workload>, refField: string): Promise<FieldError[]> {
  const namespace = namespaceOf(object);
  const name = object.metadata?.name ?? '';
  const podGroups = await lookup.podGroupsFromTemplate(namespace, name);
  const composites137 = kubeVersion === '1.37' ? await lookup.compositePodGroupsOfWorkload(namespace, name) : [];
  const users = [namesOf('PodGroup', podGroups), namesOf('CompositePodGroup', composites137)].filter((n) => n !== undefined);
  if (!users.length) return [];
  return [
    invalid(
      'metadata.name',
      name,
      `still referenced by ${users.join(' and ')} (${refField}); they stay without a template, and a Workload recreated under this name is not checked against them`,
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
    if (ctx.object.kind === 'Workload') return ctx.operation === 'DELETE' ? stillReferenced(ctx, 'spec.podGroupTemplateRef') : [];
    return ctx.operation === 'UPDATE' ? danglingReference(ctx) : [];
  },
});

/**
 * X-22 under 1.37 (api-rules-1.37.md §9, "X-22 extended"): with X-01..X-03 retired upstream (ADM-14)
 * nothing checks spec.workloadRef, so the warning covers creation too, and CompositePodGroups.
 */
export const x22v137 = defineRule({
  id: 'X-22',
  doc: 'PodGroups and CompositePodGroups point at a Workload and template that exist (Kubernetes 1.37 does not check spec.workloadRef).',
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup', 'CompositePodGroup', 'Workload'],
  operations: ['CREATE', 'UPDATE', 'DELETE'],
  subResources: ['', 'status'],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: (ctx) => {
    if (ctx.object.kind === 'Workload') return ctx.operation === 'DELETE' ? stillReferenced(ctx, 'spec.workloadRef') : [];
    return ctx.operation === 'DELETE' ? [] : danglingWorkloadRef(ctx);
  },
});
