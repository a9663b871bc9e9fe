// The runtime hierarchy of 1.37 groups (api-rules-1.37.md §8, §9): PodGroups and CompositePodGroups
// name a parent CompositePodGroup. The API server checks none of it; PodGroupProtection refuses a
// child under a parent being deleted (ADM-11) and deletes bottom-up (ADM-12, CPG-13); the scheduler
// finds the rest at run time (X-30..X-34, scheduler-1.37.md §2).

import { goQuote, invalid, namespaceOf, nameOf, notFound } from '@kubectl-workload/api';
import type { CompositePodGroup, FieldError, KubeObject, ObjectLookup, PodGroup137 } from '@kubectl-workload/api';
import { defineCreateRule, defineRule } from '../../rule.js';
import type { Rule, RuleContext, RuleResult, Severity } from '../../rule.js';
import { MAX_TREE_DEPTH } from './template-tree.js';

type Group = PodGroup137 | CompositePodGroup;

const PARENT = 'spec.parentCompositePodGroupName';

/** The parent chain above a group, nearest first, as far as it can be followed. */
interface Ancestry {
  /** The CompositePodGroups found, nearest first; the last is the root when `missing`, `cycle` and `tooDeep` are unset. */
  chain: CompositePodGroup[];
  /** The name of a parent that does not exist (the chain stops below it). */
  missing?: string;
  /** Set when the chain comes back to a name already on it (or to the group itself). */
  cycle?: string[];
  /** Set when the chain goes on above MAX_TREE_DEPTH ancestors: the walk stops there. */
  tooDeep?: boolean;
}

/**
 * Climbs parentCompositePodGroupName in the group's namespace until a root, a missing parent, a
 * cycle or MAX_TREE_DEPTH ancestors: any more is already deeper than the scheduler accepts, and the
 * bound keeps a review's cost (and a lint run's, which walks every group) from growing with a long chain.
 */
async function ancestry(group: Group, lookup: ObjectLookup): Promise<Ancestry> {
  const namespace = namespaceOf(group);
  const seen = group.kind === 'CompositePodGroup' ? [nameOf(group)] : [];
  const chain: CompositePodGroup[] = [];
  let parent = group.spec?.parentCompositePodGroupName;
  while (parent) {
    if (seen.includes(parent)) return { chain, cycle: [...seen, parent] };
    if (chain.length === MAX_TREE_DEPTH) return { chain, tooDeep: true };
    const found = await lookup.getCompositePodGroup(namespace, parent);
    if (!found) return { chain, missing: parent };
    seen.push(parent);
    chain.push(found);
    parent = found.spec?.parentCompositePodGroupName;
  }
  return { chain };
}

/** read the same ancestry: walked once per review (the engine passes one context to every rule). */
const walked = new WeakMap<RuleContext<Group>, Promise<Ancestry>>();
function ancestryOf(ctx: RuleContext<Group>): Promise<Ancestry> {
  let found = walked.get(ctx);
  if (!found) {
    found = ancestry(ctx.object, ctx.lookup);
    walked.set(ctx, found);
  }
  return found;
}

const workloadOf = (group: Group): string => group.spec?.workloadRef?.workloadName ?? '';

interface HierarchyRule {
  id: string;
  doc: string;
  severity: Severity;
  check(group: Group, ancestry: Ancestry, ctx: RuleContext<Group>): RuleResult[];
}

/** A rule on a child group created under a parent. */
function hierarchyRule(spec: HierarchyRule): Rule {
  return defineCreateRule<Group>({
    id: spec.id,
    doc: spec.doc,
    severity: spec.severity,
    style: 'field',
    kinds: ['PodGroup', 'CompositePodGroup'],
    gates: ['GenericWorkload'],
    check: async (ctx) => (ctx.object.spec?.parentCompositePodGroupName ? spec.check(ctx.object, await ancestryOf(ctx), ctx) : []),
  });
}

/** X-30 [PROPOSAL]: the parent exists and belongs to the same Workload. */
export const x30 = hierarchyRule({
  id: 'X-30',
  doc: 'parentCompositePodGroupName names an existing CompositePodGroup of the same Workload.',
  severity: 'warning',
  check: (group, { chain, missing }) => {
    const name = group.spec?.parentCompositePodGroupName ?? '';
    if (missing === name)
      return [
        notFound(
          PARENT,
          name,
          `no such CompositePodGroup in namespace ${goQuote(namespaceOf(group))}; the scheduler keeps this ${group.kind}'s pods waiting until it is created`,
        ),
      ];
    const parent = chain[0];
    if (!parent || workloadOf(parent) === workloadOf(group)) return [];
    return [
      invalid(
        PARENT,
        name,
        `CompositePodGroup ${goQuote(name)} belongs to Workload ${goQuote(workloadOf(parent))}, this ${group.kind} to Workload ${goQuote(workloadOf(group))}`,
      ),
    ];
  },
});

/** Levels a group adds below it: a CompositePodGroup needs at least one child level (WL-35). */
const levelsBelow = (group: Group): number => (group.kind === 'CompositePodGroup' ? 1 : 0);

/**
 * X-32 [PROPOSAL]: what the 1.37 scheduler rejects as an invalid hierarchy at run time (reason
 * `Invalid`, CPG-12): a cycle, more than WorkloadMaxTreeDepth levels, more than one Workload. The
 * immediate parent's Workload is X-30's; this rule compares the ancestors above it.
 */
export const x32 = hierarchyRule({
  id: 'X-32',
  doc: 'A group hierarchy has no cycle, at most 4 levels, and one Workload (the 1.37 scheduler does not schedule others).',
  severity: 'error',
  check: (group, { chain, cycle, tooDeep }) => {
    const name = group.spec?.parentCompositePodGroupName ?? '';
    if (cycle) return [invalid(PARENT, name, `forms a cycle (${cycle.map(goQuote).join(' → ')}): the scheduler never schedules it`)];
    const errs: FieldError[] = [];
    // With `tooDeep` the walk stopped below more ancestors: the hierarchy has more than `levels`.
    const levels = chain.length + 1 + levelsBelow(group);
    if (tooDeep || levels > MAX_TREE_DEPTH)
      errs.push(
        invalid(
          PARENT,
          name,
          `makes a hierarchy of ${tooDeep ? 'more than ' : ''}${levels} levels${levelsBelow(group) ? ' (counting its children)' : ''}; the scheduler does not schedule more than ${MAX_TREE_DEPTH}`,
        ),
      );
    const other = chain.slice(1).find((ancestor) => workloadOf(ancestor) !== workloadOf(group));
    if (other)
      errs.push(
        invalid(
          PARENT,
          name,
          `leads to CompositePodGroup ${goQuote(nameOf(other))} of Workload ${goQuote(workloadOf(other))}, this ${group.kind} belongs to Workload ${goQuote(workloadOf(group))}: a hierarchy spans one Workload`,
        ),
      );
    return errs;
  },
});

/**
 * X-34 [PROPOSAL]: the 1.37 scheduler checks every pod against the root's priority and
 * preemptionPolicy only, and documents that non-root groups are not validated.
 */
export const x34 = hierarchyRule({
  id: 'X-34',
  doc: "A group under a CompositePodGroup has its hierarchy root's priorityClassName, priority and preemptionPolicy.",
  severity: 'warning',
  check: (group, { chain, missing, cycle, tooDeep }, { gates }) => {
    const root = chain.at(-1);
    if (!root || missing || cycle || tooDeep) return [];
    const spec = group.spec ?? {};
    const rootSpec = root.spec ?? {};
    const why = `the root CompositePodGroup ${goQuote(nameOf(root))} of its hierarchy has`;
    const tail = 'the scheduler uses the root’s value for every pod of the hierarchy';
    const errs: FieldError[] = [];
    if ((spec.priorityClassName ?? '') !== (rootSpec.priorityClassName ?? ''))
      errs.push(
        invalid('spec.priorityClassName', spec.priorityClassName ?? '', `${why} ${goQuote(rootSpec.priorityClassName ?? '')}: ${tail}`),
      );
    if (spec.priority !== undefined && rootSpec.priority !== undefined && spec.priority !== rootSpec.priority)
      errs.push(invalid('spec.priority', spec.priority, `${why} ${rootSpec.priority}: ${tail}`));
    if (
      gates.PodGroupPreemptionPolicy &&
      spec.preemptionPolicy &&
      rootSpec.preemptionPolicy &&
      spec.preemptionPolicy !== rootSpec.preemptionPolicy
    )
      errs.push(invalid('spec.preemptionPolicy', spec.preemptionPolicy, `${why} ${goQuote(rootSpec.preemptionPolicy)}: ${tail}`));
    return errs;
  },
});

/** ADM-11: PodGroupProtection's validating half, for the PodGroup and CompositePodGroup children (POD-10 is the Pod half). */
export const adm11 = defineCreateRule<Group>({
  id: 'ADM-11',
  doc: 'A PodGroup or CompositePodGroup cannot be created under a CompositePodGroup that is being deleted (PodGroupProtection).',
  severity: 'error',
  style: 'admission',
  kinds: ['PodGroup', 'CompositePodGroup'],
  gates: ['GenericWorkload'],
  check: async ({ object, lookup }) => {
    const name = object.spec?.parentCompositePodGroupName;
    if (!name) return [];
    const parent = await lookup.getCompositePodGroup(namespaceOf(object), name);
    if (!parent?.metadata?.deletionTimestamp) return [];
    return [
      { field: PARENT, message: `cannot create ${object.kind} referencing CompositePodGroup ${goQuote(name)} because it is being deleted` },
    ];
  },
});

/** `PodGroup "a", CompositePodGroup "b"` */
const named = (objects: readonly KubeObject[]): string => objects.map((o) => `${o.kind} ${goQuote(nameOf(o))}`).join(', ');

/**
 * ADM-12: the protection controller removes a deleting CompositePodGroup's finalizer only once no
 * child names it, so deletion runs bottom-up. A DELETE review sees the object as stored.
 */
export const adm12 = defineRule<CompositePodGroup>({
  id: 'ADM-12',
  doc: 'Deleting a CompositePodGroup that still has child groups leaves it terminating until they are deleted (bottom-up deletion).',
  severity: 'warning',
  style: 'field',
  kinds: ['CompositePodGroup'],
  operations: ['DELETE'],
  subResources: [''],
  gates: ['GenericWorkload', 'CompositePodGroup'],
  crossObject: true,
  check: async ({ object, lookup }) => {
    const children = await lookup.childrenOfCompositePodGroup(namespaceOf(object), nameOf(object));
    if (!children.length) return [];
    return [
      invalid(
        'metadata.name',
        nameOf(object),
        `stays terminating until its children are deleted: ${named(children)} name it as parent (PodGroupProtection deletes bottom-up)`,
      ),
    ];
  },
});

/**
 * CPG-13: the protection finalizer holds a deleting CompositePodGroup while children name it (its
 * exact string is UNVERIFIED, so any finalizer removed then is reported). Stripping it by hand
 * orphans the children: the scheduler cannot build their hierarchy any more.
 */
export const cpg13 = defineRule<CompositePodGroup>({
  id: 'CPG-13',
  doc: 'A finalizer is not removed by hand from a CompositePodGroup being deleted while child groups still name it.',
  severity: 'warning',
  style: 'field',
  kinds: ['CompositePodGroup'],
  operations: ['UPDATE'],
  subResources: [''],
  gates: ['GenericWorkload', 'CompositePodGroup'],
  crossObject: true,
  check: async ({ object, oldObject, lookup }) => {
    if (!object.metadata?.deletionTimestamp) return [];
    const kept = new Set(object.metadata.finalizers ?? []);
    const removed = (oldObject?.metadata?.finalizers ?? []).filter((f) => !kept.has(f));
    if (!removed.length) return [];
    const children = await lookup.childrenOfCompositePodGroup(namespaceOf(object), nameOf(object));
    if (!children.length) return [];
    return removed.map((finalizer) =>
      invalid(
        'metadata.finalizers',
        finalizer,
        `removed while ${named(children)} still name this CompositePodGroup as parent: they lose their hierarchy and are not scheduled; delete them first`,
      ),
    );
  },
});
