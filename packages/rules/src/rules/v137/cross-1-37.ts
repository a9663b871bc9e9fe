// Our cross-object checks for 1.37 hierarchies (api-rules-1.37.md §9, PROPOSAL): what the 1.37
// scheduler only finds at run time, when a gang then never schedules.

import { goQuote, invalid, namespaceOf, required } from '@kubectl-workload/api';
import type {
  CompositePodGroup,
  CompositePodGroupTemplate,
  DisruptionMode137,
  FieldError,
  PodGroup137,
  Workload137,
} from '@kubectl-workload/api';
import { defineCreateRule, defineRule } from '../../rule.js';
import { listOf } from '../../validation/index.js';
import { composites, podGroupTemplates } from './template-tree.js';

/** a PodGroup names a PodGroupTemplate, not a composite one. */
export const x31 = defineCreateRule<PodGroup137>({
  id: 'X-31',
  doc: "A PodGroup's workloadRef.templateName names a PodGroupTemplate of the Workload (not a CompositePodGroupTemplate).",
  severity: 'error',
  style: 'field',
  kinds: ['PodGroup'],
  gates: ['GenericWorkload'],
  check: async ({ object, lookup }) => {
    const ref = object.spec?.workloadRef;
    if (!ref?.workloadName || !ref.templateName) return [];
    const workload = (await lookup.getWorkload(namespaceOf(object), ref.workloadName)) as Workload137 | undefined;
    if (!workload) return [];
    const isComposite = composites(workload.spec).some(({ template }) => template.name === ref.templateName);
    const isPodGroup = podGroupTemplates(workload.spec).some(({ template }) => template.name === ref.templateName);
    if (isPodGroup || !isComposite) return [];
    return [
      invalid(
        'spec.workloadRef.templateName',
        ref.templateName,
        `names a CompositePodGroupTemplate of Workload ${goQuote(ref.workloadName)}; a PodGroup needs a PodGroupTemplate (a CompositePodGroup is made from this one)`,
      ),
    ];
  },
});

/** PG-62 is alpha (not enforced) in 1.37, yet the scheduler cannot place such a group in its hierarchy. */
export const x33 = defineRule<PodGroup137>({
  id: 'X-33',
  doc: 'A PodGroup with parentCompositePodGroupName also sets workloadRef (PG-62 is not enforced by the 1.37 API server).',
  severity: 'error',
  style: 'field',
  kinds: ['PodGroup'],
  operations: ['CREATE'],
  subResources: [''],
  check: ({ object }) =>
    object.spec?.parentCompositePodGroupName && !object.spec.workloadRef
      ? [required('spec.workloadRef', 'must be set when parentCompositePodGroupName is set')]
      : [],
});

/** X-35: a parent `all` overrides its descendants' `single` (documented as discouraged). */
export const x35 = defineRule<Workload137>({
  id: 'X-35',
  doc: "A composite template with disruptionMode all has no descendant with disruptionMode single (the parent's mode wins).",
  severity: 'warning',
  style: 'field',
  kinds: ['Workload'],
  operations: ['CREATE', 'UPDATE'],
  subResources: [''],
  check: ({ object }) => {
    const errs: FieldError[] = [];
    // `path` is a child template's, `underAll` whether an ancestor (or the child's parent) has all.
    const flag = (child: { disruptionMode?: DisruptionMode137 }, path: string, underAll: boolean): void => {
      if (underAll && child.disruptionMode?.single !== undefined)
        errs.push(
          invalid(
            `${path}.disruptionMode`,
            'single',
            'is overridden by an ancestor with disruptionMode all: the whole composite group is disrupted together',
          ),
        );
    };
    const visit = (t: CompositePodGroupTemplate, path: string, underAll: boolean): void => {
      const all = underAll || t.disruptionMode?.all !== undefined;
      listOf(t.podGroupTemplates).forEach((child, i) => flag(child, `${path}.podGroupTemplates[${i}]`, all));
      listOf(t.compositePodGroupTemplates).forEach((child, i) => {
        const at = `${path}.compositePodGroupTemplates[${i}]`;
        flag(child, at, all);
        visit(child, at, all);
      });
    };
    listOf(object.spec?.compositePodGroupTemplates).forEach((t, i) => visit(t, `spec.compositePodGroupTemplates[${i}]`, false));
    return errs;
  },
});

/** a composite gang that needs more child groups than its template has never schedules. */
export const x36 = defineCreateRule<CompositePodGroup>({
  id: 'X-36',
  doc: "A CompositePodGroup's gang.minGroupCount is at most the number of child templates of its Workload template.",
  severity: 'warning',
  style: 'field',
  kinds: ['CompositePodGroup'],
  check: async ({ object, lookup }) => {
    const count = object.spec?.schedulingPolicy?.gang?.minGroupCount;
    const ref = object.spec?.workloadRef;
    if (!count || !ref?.workloadName || !ref.templateName) return [];
    const workload = (await lookup.getWorkload(namespaceOf(object), ref.workloadName)) as Workload137 | undefined;
    const template = composites(workload?.spec).find((l) => l.template.name === ref.templateName)?.template;
    if (!template) return [];
    const children = listOf(template.podGroupTemplates).length + listOf(template.compositePodGroupTemplates).length;
    return count > children
      ? [
          invalid(
            'spec.schedulingPolicy.gang.minGroupCount',
            count,
            `exceeds the ${children} child template(s) of ${goQuote(ref.templateName)} in Workload ${goQuote(ref.workloadName)}: the group can never be scheduled`,
          ),
        ]
      : [];
  },
});
