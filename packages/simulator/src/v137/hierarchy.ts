// The 1.37 group hierarchy (scheduler-1.37.md §2; KEP-6012): PodGroups and CompositePodGroups linked
// by spec.parentCompositePodGroupName in one namespace. The scheduling unit is the root: a PodGroup
// without parent, or a CompositePodGroup without parent with its whole subtree. Children of a
// composite are evaluated in a fixed order: creation timestamp, then name (KEP "Scheduling sequence";
// UNVERIFIED in code).

import type { CompositePodGroup, PodGroup, PodGroup137 } from '@kubectl-workload/api';
import { GROUP_MESSAGE_1_37 } from '../messages.js';

/** Depth limit of a hierarchy (api-rules-1.37 / KEP-6012: at most 4 levels). */
export const MAX_DEPTH = 4;

interface BaseNode {
  /** `namespace/name` */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** The parent CompositePodGroup's name, as the spec names it. */
  readonly parent: string | undefined;
  /** The policy's count: a gang's minCount / minGroupCount; basic counts as 1 (§3.4). */
  readonly minCount: number;
  readonly gang: boolean;
  readonly topologyKey: string | undefined;
  readonly creationTimestamp: string;
}

export interface LeafNode extends BaseNode {
  readonly kind: 'PodGroup';
  readonly object: PodGroup137;
}

export interface CompositeNode extends BaseNode {
  readonly kind: 'CompositePodGroup';
  readonly object: CompositePodGroup;
  readonly children: GroupNode[];
}

export type GroupNode = LeafNode | CompositeNode;

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;

function base(obj: PodGroup137 | CompositePodGroup, minCount: number | undefined, withParents: boolean, topology: boolean) {
  const namespace = obj.metadata?.namespace || 'default';
  const name = obj.metadata?.name ?? '';
  return {
    key: keyOf(namespace, name),
    namespace,
    name,
    parent: withParents ? obj.spec?.parentCompositePodGroupName || undefined : undefined,
    minCount: minCount ?? 1,
    gang: minCount !== undefined,
    topologyKey: topology ? obj.spec?.schedulingConstraints?.topology?.[0]?.key || undefined : undefined,
    creationTimestamp: obj.metadata?.creationTimestamp ?? '',
  };
}

const byCreation = (a: GroupNode, b: GroupNode): number =>
  a.creationTimestamp !== b.creationTimestamp ? (a.creationTimestamp < b.creationTimestamp ? -1 : 1) : a.name < b.name ? -1 : 1;

/** Where a group sits: its root, or why no root can be found. */
export type RootLookup = { readonly root: GroupNode } | { readonly error: string };

export interface HierarchyOptions {
  /** CompositePodGroup gate: off, parents are not read and every PodGroup is its own root. */
  readonly composite: boolean;
  /** TopologyAwareWorkloadScheduling gate: off, topology constraints are ignored at every level. */
  readonly topology: boolean;
}

export class Hierarchy {
  private readonly nodes = new Map<string, GroupNode>();

  constructor(podGroups: readonly PodGroup[], composites: readonly CompositePodGroup[], options: HierarchyOptions) {
    for (const g of podGroups as readonly PodGroup137[]) {
      const gang = g.spec?.schedulingPolicy?.gang;
      const node: LeafNode = {
        kind: 'PodGroup',
        object: g,
        ...base(g, gang ? (gang.minCount ?? 1) : undefined, options.composite, options.topology),
      };
      this.nodes.set(node.key, node);
    }
    if (options.composite) {
      for (const c of composites) {
        const gang = c.spec?.schedulingPolicy?.gang;
        const node: CompositeNode = {
          kind: 'CompositePodGroup',
          object: c,
          children: [],
          ...base(c, gang ? (gang.minGroupCount ?? 1) : undefined, true, options.topology),
        };
        this.nodes.set(`cpg:${node.key}`, node);
      }
    }
    for (const node of this.nodes.values()) {
      const parent = node.parent === undefined ? undefined : this.composite(node.namespace, node.parent);
      parent?.children.push(node);
    }
    for (const node of this.nodes.values()) if (node.kind === 'CompositePodGroup') node.children.sort(byCreation);
  }

  podGroup(key: string): LeafNode | undefined {
    const node = this.nodes.get(key);
    return node?.kind === 'PodGroup' ? node : undefined;
  }

  composite(namespace: string, name: string): CompositeNode | undefined {
    return this.nodes.get(`cpg:${keyOf(namespace, name)}`) as CompositeNode | undefined;
  }

  /**
   * Climbs from a PodGroup to its root. A missing parent is the upstream hierarchy-snapshot error; a
   * cycle or a hierarchy deeper than MAX_DEPTH makes the groups invalid (§2.6, texts UNVERIFIED).
   */
  rootOf(leaf: LeafNode): RootLookup {
    let node: GroupNode = leaf;
    const seen = new Set<string>([node.key]);
    while (node.parent !== undefined) {
      const parent = this.composite(node.namespace, node.parent);
      if (!parent)
        return { error: GROUP_MESSAGE_1_37.hierarchySnapshot(GROUP_MESSAGE_1_37.compositeNotFound(keyOf(node.namespace, node.parent))) };
      if (seen.has(`cpg:${parent.key}`)) return { error: GROUP_MESSAGE_1_37.hierarchyCycle(parent.name) };
      seen.add(`cpg:${parent.key}`);
      node = parent;
    }
    if (seen.size > MAX_DEPTH) return { error: GROUP_MESSAGE_1_37.hierarchyTooDeep(node.name, seen.size) };
    return { root: node };
  }
}

/** Every PodGroup under a node (the node itself when it is one), in evaluation order. */
export function leavesOf(node: GroupNode): LeafNode[] {
  return node.kind === 'PodGroup' ? [node] : node.children.flatMap(leavesOf);
}

/** Every node of a subtree, parents before children. */
export function subtree(node: GroupNode): GroupNode[] {
  return node.kind === 'PodGroup' ? [node] : [node, ...node.children.flatMap(subtree)];
}
