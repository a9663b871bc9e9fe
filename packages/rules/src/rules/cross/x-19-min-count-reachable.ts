import { invalid, namespaceOf } from '@kubectl-workload/api';
import type { FieldError, Job, PodGroup, Workload } from '@kubectl-workload/api';
import { defineRule } from '../../rule.js';
import type { RuleContext } from '../../rule.js';
import { controllingJob, jobOfControllerRef, unreachableGang } from './job-gang.js';
import { resolveTemplateRef } from '../../template/ref.js';

function minCountFinding(path: string, minCount: number | undefined, job: Job): FieldError[] {
  const why = minCount === undefined ? undefined : unreachableGang(minCount, job);
  return why === undefined ? [] : [invalid(path, minCount, why)];
}

async function podGroupFindings({ object, lookup }: RuleContext<PodGroup>): Promise<FieldError[]> {
  const minCount = object.spec?.schedulingPolicy?.gang?.minCount;
  if (minCount === undefined) return [];
  const job =
    (await controllingJob(object, lookup)) ??
    (await jobOfControllerRef((await resolveTemplateRef(object, lookup))?.workload?.spec?.controllerRef, namespaceOf(object), lookup));
  return job ? minCountFinding('spec.schedulingPolicy.gang.minCount', minCount, job) : [];
}

async function workloadFindings({ object, lookup }: RuleContext<Workload>): Promise<FieldError[]> {
  const job = await jobOfControllerRef(object.spec?.controllerRef, namespaceOf(object), lookup);
  if (!job) return [];
  return (object.spec?.podGroupTemplates ?? []).flatMap((t, i) =>
    minCountFinding(`spec.podGroupTemplates[${i}].schedulingPolicy.gang.minCount`, t.schedulingPolicy?.gang?.minCount, job),
  );
}

/**
 * X-19 [PROPOSAL]: a gang's minCount is reachable by the Job that owns it — through the PodGroup's
 * controller ownerReference, or its Workload's spec.controllerRef (Workload templates too).
 */
export const x19 = defineRule({
  id: 'X-19',
  doc: "A gang's minCount does not exceed the pods its Job runs at once.",
  severity: 'warning',
  style: 'field',
  kinds: ['PodGroup', 'Workload'],
  operations: ['CREATE'],
  subResources: [''],
  gates: ['GenericWorkload'],
  crossObject: true,
  check: (ctx) =>
    ctx.object.kind === 'Workload' ? workloadFindings(ctx as RuleContext<Workload>) : podGroupFindings(ctx as RuleContext<PodGroup>),
});
