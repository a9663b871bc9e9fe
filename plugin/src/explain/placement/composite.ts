// A 1.37 composite failure explained top-down (scheduler-1.37.md §3.3-3.5): from the root
// CompositePodGroup through each level to the child group that failed on its own, with the first
// node reason of its pods and what would fix it.

import type { CompositePodGroupResult, PodGroupResult, SimulationResult } from '@kubectl-workload/simulator';

export interface CompositeExplanation {
  /** One line per group, indented by depth, root first. */
  readonly tree: readonly string[];
  /** What would let the tree schedule; null when it did. */
  readonly fix: string | null;
}

type Child =
  | { readonly kind: 'PodGroup'; readonly group: PodGroupResult }
  | { readonly kind: 'CompositePodGroup'; readonly group: CompositePodGroupResult };

function status(g: { outcome: string; message: string }): string {
  return `${g.outcome}${g.message ? ` - ${g.message}` : ''}`;
}

/** Per group of the namespace, its first pod message that is not a gang text: the FitError naming node reasons. */
function firstFitErrors(result: SimulationResult, namespace: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const p of result.pods)
    if (p.namespace === namespace && p.podGroup && p.message?.startsWith('0/') && !first.has(p.podGroup)) first.set(p.podGroup, p.message);
  return first;
}

export function explainComposite(result: SimulationResult, namespace: string, leaf: string): CompositeExplanation | null {
  const composites = new Map(result.compositePodGroups.filter((c) => c.namespace === namespace).map((c) => [c.name, c]));
  const podGroups = new Map(result.podGroups.filter((g) => g.namespace === namespace).map((g) => [g.name, g]));
  let parent = podGroups.get(leaf)?.parent;
  let root: CompositePodGroupResult | undefined;
  for (let depth = 0; parent !== undefined && depth < 8; depth++) {
    root = composites.get(parent);
    parent = root?.parent;
  }
  if (!root) return null;
  const fitErrors = firstFitErrors(result, namespace);
  const tree: string[] = [];
  let fix: string | null = null;
  const childOf = (kind: 'PodGroup' | 'CompositePodGroup', name: string): Child | undefined => {
    if (kind === 'CompositePodGroup') {
      const group = composites.get(name);
      return group && { kind, group };
    }
    const group = podGroups.get(name);
    return group && { kind, group };
  };
  const walk = (node: CompositePodGroupResult, depth: number): void => {
    const policy = node.policy === 'gang' ? `minGroupCount ${node.minGroupCount ?? '?'}` : 'basic';
    tree.push(`${'  '.repeat(depth)}CompositePodGroup ${node.name} (${policy}): ${status(node)}`);
    for (const { kind, name } of node.children) {
      const child = childOf(kind, name);
      if (!child) {
        tree.push(`${'  '.repeat(depth + 1)}${kind} ${name}: no pending pods (counts as scheduled when its pods are bound)`);
        continue;
      }
      if (child.kind === 'CompositePodGroup') {
        walk(child.group, depth + 1);
        continue;
      }
      const g = child.group;
      const overridden = g.notes.some((n) => n.includes('but its parent composite pod group'));
      const fit = g.outcome === 'Scheduled' ? undefined : fitErrors.get(g.name);
      tree.push(
        `${'  '.repeat(depth + 1)}PodGroup ${g.name}: ${status(g)}${overridden ? ' (fit on its own; overridden by the parent)' : ''}${fit ? `; first pod reason: ${fit}` : ''}`,
      );
      if (fix === null && g.outcome !== 'Scheduled' && !overridden) {
        fix = fit
          ? `child PodGroup ${g.name} fails on its own: free what its pods lack (${fit}) or lower its minCount (mutable in 1.37)`
          : `child PodGroup ${g.name} fails on its own: ${g.message}`;
      }
    }
  };
  walk(root, 0);
  if (root.outcome === 'Scheduled') return { tree, fix: null };
  const minGroupNote =
    root.policy === 'gang'
      ? `; a CompositePodGroup's minGroupCount is immutable (CPG-06): lowering it means recreating ${root.name} (or changing the Workload template)`
      : '';
  return { tree, fix: `${fix ?? `the tree under ${root.name} does not meet its quorum: ${root.message}`}${minGroupNote}` };
}
