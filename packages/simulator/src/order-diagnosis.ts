// Spec §7: the 1.36 cycle is one greedy pass in a fixed order, so heterogeneous groups and groups with
// inter-pod constraints may fail although a placement exists. When such a group fails, say so and
// retry the algorithm in other orders (largest request first, then reversed) to tell "no placement
// found" from "the greedy order missed it". The retries are reverted; nothing is bound.

import { CPU, MEMORY } from './cluster.js';
import type { GroupContext } from './default-algorithm.js';
import { runGroupAlgorithm } from './group-algorithm.js';
import { hasInterPodConstraints, signatureOf, type PodInfo } from './pod-info.js';

function largestFirst(ctx: GroupContext, members: readonly PodInfo[]): PodInfo[] {
  const size = (p: PodInfo): [number, number] => {
    const v = ctx.cluster.requestVector(p);
    return [v[CPU] as number, v[MEMORY] as number];
  };
  return [...members].sort((a, b) => {
    const [ac, am] = size(a);
    const [bc, bm] = size(b);
    return bc - ac || bm - am;
  });
}

export function diagnoseGreedyOrder(ctx: GroupContext, members: readonly PodInfo[]): string[] {
  const heterogeneous = new Set(members.map(signatureOf)).size > 1;
  const interPod = members.some(hasInterPodConstraints);
  if (!heterogeneous && !interPod) return [];
  const what = [
    heterogeneous ? 'members with different requirements' : '',
    interPod ? 'inter-pod (anti-)affinity or spread constraints' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const notes = [`the group has ${what}: the 1.36 greedy member order may miss placements that exist (KEP-4671 limitation)`];
  const orders: [string, PodInfo[]][] = [
    ['largest request first', largestFirst(ctx, members)],
    ['reversed', [...members].reverse()],
  ];
  for (const [name, order] of orders) {
    if (order.every((p, i) => p === members[i])) continue;
    if (runGroupAlgorithm(ctx, order).status.code === 'Success') {
      notes.push(`a placement exists: the group fits with members in ${name} order, so the scheduler's order missed it`);
      return notes;
    }
  }
  notes.push('no placement found in the other orders tried either (largest request first, reversed); this is not a proof that none exists');
  return notes;
}
