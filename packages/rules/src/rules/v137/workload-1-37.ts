// Workload rules Kubernetes 1.37 added or changed (api-rules-1.37.md §4). The 1.36 rules that carry
// over unchanged (WL-01..03, WL-05..24, WL-28) keep running for 1.37 objects; the ones replaced here
// are registered as 1.36-only.

import { duplicate, forbidden, invalid } from '@kubectl-workload/api';
import type { CompositePodGroupTemplate, FieldError, PodGroupTemplate137, Workload137 } from '@kubectl-workload/api';
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import {
  decodeRule,
  listOf,
  unchangedOnUpdate,
  validatePriority,
  validatePriorityClassName,
  validateRequiredString,
  validateShortName,
  validateTopologyKeys,
  validateTopologyMaxItems,
  validateUnion,
} from '../../validation/index.js';
import {
  byName,
  validateDisruptionModeUnion,
  validateCompositePolicy,
  validateEachImmutable,
  validateNoAddNoRemove,
  validatePolicyUpdate,
  validatePreemptionPolicy,
  validateTemplateList,
} from './fields-1-37.js';
import { WORKLOAD_SHAPE_1_37 } from './shapes-1-37.js';
import { COMPOSITES_PATH, composites, MAX_TREE_DEPTH, PG_TEMPLATES_PATH, podGroupTemplates } from './template-tree.js';

type Check = (ctx: RuleContext<Workload137>) => FieldError[];

function workloadRule(id: string, doc: string, operations: Rule['operations'], check: Check, extra: Partial<Rule> = {}): Rule {
  return defineRule<Workload137>({
    id,
    doc,
    severity: 'error',
    style: 'field',
    kinds: ['Workload'],
    operations,
    subResources: [''],
    skipIfFailed: ['WL-00'],
    ...extra,
    check,
  });
}

/** WL-00 (1.37): the object decodes against the 1.37 shape. */
export const wl00v137 = decodeRule('Workload', 'WL-00', WORKLOAD_SHAPE_1_37, ['']);

/** A list counts as set when it has items (M-UNION-WL). */
const nonEmpty = (list: readonly unknown[] | undefined): readonly unknown[] | undefined => (list?.length ? list : undefined);

/** WL-04 (1.37): exactly one of the two template lists; ratcheted when neither changed. */
export const wl04v137 = workloadRule(
  'WL-04',
  'spec sets exactly one of podGroupTemplates, compositePodGroupTemplates (non-empty).',
  ['CREATE', 'UPDATE'],
  ({ operation, object, oldObject }) => {
    const spec = object.spec;
    const old = oldObject?.spec;
    if (
      unchangedOnUpdate(
        operation,
        [old?.podGroupTemplates, old?.compositePodGroupTemplates],
        [spec?.podGroupTemplates, spec?.compositePodGroupTemplates],
      )
    )
      return [];
    return validateUnion('spec', [
      ['podGroupTemplates', nonEmpty(spec?.podGroupTemplates)],
      ['compositePodGroupTemplates', nonEmpty(spec?.compositePodGroupTemplates)],
    ]);
  },
);

function eachPodGroupTemplate(check: (path: string, template: PodGroupTemplate137, ctx: RuleContext<Workload137>) => FieldError[]): Check {
  return (ctx) => podGroupTemplates(ctx.object.spec).flatMap(({ path, template }) => check(path, template, ctx));
}

/** WL-25 (1.37): `{single: {}}` or `{all: {}}`, no gate, no default on templates. */
export const wl25v137 = workloadRule(
  'WL-25',
  'Template disruptionMode sets exactly one of single, all (ungated in 1.37).',
  ['CREATE'],
  eachPodGroupTemplate((path, t) => validateDisruptionModeUnion(`${path}.disruptionMode`, t.disruptionMode, false)),
  { itemsOf: PG_TEMPLATES_PATH, skipIfFailed: ['WL-00', 'WL-04', 'WL-05'] },
);

/** WL-26 (1.37). */
export const wl26v137 = workloadRule(
  'WL-26',
  'Template priorityClassName is a DNS-1123 subdomain (ungated in 1.37).',
  ['CREATE'],
  eachPodGroupTemplate((path, t) => validatePriorityClassName(`${path}.priorityClassName`, t.priorityClassName, true)),
  { itemsOf: PG_TEMPLATES_PATH, skipIfFailed: ['WL-00', 'WL-04', 'WL-05'] },
);

/** WL-27 (1.37). */
export const wl27v137 = workloadRule(
  'WL-27',
  'Template priority is at most 1000000000 (ungated in 1.37).',
  ['CREATE'],
  eachPodGroupTemplate((path, t) => validatePriority(`${path}.priority`, t.priority, true)),
  { itemsOf: PG_TEMPLATES_PATH, skipIfFailed: ['WL-00', 'WL-04', 'WL-05'] },
);

const POD_GROUP_TEMPLATE_IMMUTABLE = [
  'schedulingConstraints',
  'resourceClaims',
  'disruptionMode',
  'priorityClassName',
  'priority',
  'preemptionPolicy',
] as const;
const COMPOSITE_TEMPLATE_IMMUTABLE = [
  'schedulingConstraints',
  'disruptionMode',
  'priorityClassName',
  'priority',
  'preemptionPolicy',
] as const;

function updatePodGroupTemplates(
  path: string,
  oldList: readonly PodGroupTemplate137[],
  list: readonly PodGroupTemplate137[],
): FieldError[] {
  const errs = validateNoAddNoRemove(path, oldList, list);
  list.forEach((template, i) => {
    const old = byName(oldList, template.name);
    if (!old) return;
    errs.push(...validatePolicyUpdate(`${path}[${i}].schedulingPolicy`, old.schedulingPolicy, template.schedulingPolicy));
    errs.push(...validateEachImmutable(`${path}[${i}]`, old, template, POD_GROUP_TEMPLATE_IMMUTABLE));
  });
  return errs;
}

/** WL-29 (1.37): templates cannot be added or removed; within a kept one only gang.minCount may change. */
export const wl29v137 = workloadRule(
  'WL-29',
  'spec.podGroupTemplates: no template added or removed on update; basic is immutable, gang cannot be set or cleared, gang.minCount may change (≥ 1), every other template field is immutable.',
  ['UPDATE'],
  ({ object, oldObject }) =>
    updatePodGroupTemplates(PG_TEMPLATES_PATH, listOf(oldObject?.spec?.podGroupTemplates), listOf(object.spec?.podGroupTemplates)),
);

/** WL-32: on every template of the tree, pod group and composite alike. */
export const wl32 = workloadRule(
  'WL-32',
  'Template preemptionPolicy is PreemptLowerPriority or Never; forbidden while PodGroupPreemptionPolicy is off.',
  ['CREATE'],
  ({ object, gates }) => {
    const on = gates.PodGroupPreemptionPolicy;
    return [
      ...podGroupTemplates(object.spec).flatMap(({ path, template }) =>
        validatePreemptionPolicy(`${path}.preemptionPolicy`, template.preemptionPolicy, on),
      ),
      ...composites(object.spec).flatMap(({ path, template }) =>
        validatePreemptionPolicy(`${path}.preemptionPolicy`, template.preemptionPolicy, on),
      ),
    ];
  },
  { readsGates: ['PodGroupPreemptionPolicy'] },
);

/** WL-33: the top-level composite list; the nested lists' size and names are WL-34's. */
export const wl33 = workloadRule(
  'WL-33',
  'spec.compositePodGroupTemplates: forbidden while CompositePodGroup is off; else at most 8, unique names, none added or removed on update.',
  ['CREATE', 'UPDATE'],
  ({ operation, object, oldObject, gates }) => {
    const list = listOf(object.spec?.compositePodGroupTemplates);
    const oldList = listOf(oldObject?.spec?.compositePodGroupTemplates);
    if (unchangedOnUpdate(operation, oldList, list)) return [];
    if (!gates.CompositePodGroup) return list.length ? [forbidden(COMPOSITES_PATH)] : [];
    return [
      ...validateTemplateList(COMPOSITES_PATH, list),
      ...(operation === 'UPDATE' ? validateNoAddNoRemove(COMPOSITES_PATH, oldList, list) : []),
    ];
  },
  { readsGates: ['CompositePodGroup'] },
);

function compositeTemplateErrors(path: string, t: CompositePodGroupTemplate): FieldError[] {
  return [
    ...validateRequiredString(`${path}.name`, t.name, validateShortName),
    ...validateCompositePolicy(`${path}.schedulingPolicy`, t.schedulingPolicy),
    ...validateTopologyMaxItems(`${path}.schedulingConstraints`, t.schedulingConstraints),
    ...validateTopologyKeys(`${path}.schedulingConstraints`, t.schedulingConstraints),
    ...validateDisruptionModeUnion(`${path}.disruptionMode`, t.disruptionMode, false),
    ...validatePriorityClassName(`${path}.priorityClassName`, t.priorityClassName, true),
    ...validatePriority(`${path}.priority`, t.priority, true),
    ...validateTemplateList(`${path}.podGroupTemplates`, t.podGroupTemplates),
    ...validateTemplateList(`${path}.compositePodGroupTemplates`, t.compositePodGroupTemplates),
  ];
}

/** WL-34: each composite template's own fields, at every depth (nested pod group templates: WL-07..11 and the rules above). */
export const wl34 = workloadRule(
  'WL-34',
  'Composite templates: DNS-label name, one of basic/gang with minGroupCount ≥ 1, at most 1 topology key, a disruptionMode union, valid priority fields, at most 8 unique children per list.',
  ['CREATE'],
  ({ object }) => composites(object.spec).flatMap(({ path, template }) => compositeTemplateErrors(path, template)),
);

/** WL-35: hand-written, so it also runs when the gate is off (AMBIGUOUS upstream: only the newest variant has it). */
export const wl35 = workloadRule('WL-35', 'Every composite template has at least one child template.', ['CREATE', 'UPDATE'], ({ object }) =>
  composites(object.spec)
    .filter(({ template }) => !listOf(template.podGroupTemplates).length && !listOf(template.compositePodGroupTemplates).length)
    .map(({ path, template }) =>
      invalid(path, template.name ?? '', 'must have at least one child PodGroupTemplate or CompositePodGroupTemplate'),
    ),
);

/**
 * WL-36: names unique across the whole tree (a PodGroup names its template by a flat name). Walk:
 * top-level composite names, then per composite its pod group templates, then its nested composites.
 * A repeat inside one list is left to WL-06/WL-33/WL-34.
 */
export const wl36 = workloadRule(
  'WL-36',
  'Template names are unique across the whole Workload tree.',
  ['CREATE', 'UPDATE'],
  ({ object }) => {
    const seen = new Set<string>();
    const errs: FieldError[] = [];
    const note = (names: ReadonlyArray<{ path: string; name: string | undefined }>): void => {
      const local = new Set<string>();
      for (const { path, name } of names) {
        if (name === undefined) continue;
        if (seen.has(name) && !local.has(name)) errs.push(duplicate(`${path}.name`, name));
        local.add(name);
      }
      for (const name of local) seen.add(name);
    };
    note(listOf(object.spec?.podGroupTemplates).map((t, i) => ({ path: `${PG_TEMPLATES_PATH}[${i}]`, name: t.name })));
    const visit = (list: readonly CompositePodGroupTemplate[], path: string): void => {
      note(list.map((t, i) => ({ path: `${path}[${i}]`, name: t.name })));
      list.forEach((t, i) => {
        note(listOf(t.podGroupTemplates).map((c, j) => ({ path: `${path}[${i}].podGroupTemplates[${j}]`, name: c.name })));
        visit(listOf(t.compositePodGroupTemplates), `${path}[${i}].compositePodGroupTemplates`);
      });
    };
    visit(listOf(object.spec?.compositePodGroupTemplates), COMPOSITES_PATH);
    return errs;
  },
);

/** WL-37: one error per top-level composite whose subtree reaches depth 4. */
export const wl37 = workloadRule(
  'WL-37',
  'Composite templates nest at most 3 levels below the top (tree depth ≤ 4 with the pod group templates).',
  ['CREATE', 'UPDATE'],
  ({ object }) => {
    const deepest = (t: CompositePodGroupTemplate, depth: number): number =>
      Math.max(depth, ...listOf(t.compositePodGroupTemplates).map((c) => deepest(c, depth + 1)));
    return listOf(object.spec?.compositePodGroupTemplates).flatMap((t, i) =>
      deepest(t, 1) >= MAX_TREE_DEPTH
        ? [
            invalid(
              `${COMPOSITES_PATH}[${i}]`,
              listOf(t.compositePodGroupTemplates) as unknown[],
              `maximum template hierarchy depth is ${MAX_TREE_DEPTH}`,
            ),
          ]
        : [],
    );
  },
);

/** WL-38: every template of the tree shares one priorityClassName and priority; one error, flat or composite wording. */
export const wl38 = workloadRule(
  'WL-38',
  'All templates of a Workload share one priorityClassName and priority.',
  ['CREATE', 'UPDATE'],
  ({ object }) => {
    const all: ReadonlyArray<{ priorityClassName?: string; priority?: number }> = [
      ...podGroupTemplates(object.spec).map((l) => l.template),
      ...composites(object.spec).map((l) => l.template),
    ];
    const configs = new Set(all.map((t) => `${t.priorityClassName ?? ''}\u0000${t.priority ?? ''}`));
    if (configs.size <= 1) return [];
    const composite = listOf(object.spec?.compositePodGroupTemplates).length > 0;
    return [
      invalid(
        'spec',
        null,
        composite
          ? 'all priority and priorityClassName values must be identical, detected multiple values'
          : 'detected multiple priority configurations',
      ),
    ];
  },
);

/** Composite templates on update (WL-34 update half): kept items may change only minGroupCount. */
export const wl34Update = workloadRule(
  'WL-34',
  'Composite templates on update: basic immutable, gang cannot be set or cleared, minGroupCount may change, every other field immutable; no child added or removed.',
  ['UPDATE'],
  ({ object, oldObject }) => {
    const errs: FieldError[] = [];
    const walk = (path: string, oldList: readonly CompositePodGroupTemplate[], list: readonly CompositePodGroupTemplate[]): void =>
      list.forEach((t, i) => {
        const old = byName(oldList, t.name);
        if (!old) return;
        const at = `${path}[${i}]`;
        errs.push(...validatePolicyUpdate(`${at}.schedulingPolicy`, old.schedulingPolicy, t.schedulingPolicy, 'minGroupCount'));
        errs.push(...validateEachImmutable(at, old, t, COMPOSITE_TEMPLATE_IMMUTABLE));
        errs.push(...updatePodGroupTemplates(`${at}.podGroupTemplates`, listOf(old.podGroupTemplates), listOf(t.podGroupTemplates)));
        errs.push(
          ...validateNoAddNoRemove(
            `${at}.compositePodGroupTemplates`,
            listOf(old.compositePodGroupTemplates),
            listOf(t.compositePodGroupTemplates),
          ),
        );
        walk(`${at}.compositePodGroupTemplates`, listOf(old.compositePodGroupTemplates), listOf(t.compositePodGroupTemplates));
      });
    walk(COMPOSITES_PATH, listOf(oldObject?.spec?.compositePodGroupTemplates), listOf(object.spec?.compositePodGroupTemplates));
    return errs;
  },
);
