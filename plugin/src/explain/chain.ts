// The explain chain: Job → Workload → PodGroup → Pods → Nodes as link checks run in order, each
// applying only to what was found so far; the walk stops at the first broken link. A CompositePodGroup
// (1.37) walks Workload → parents → children instead.

import { type Pod } from '@kubectl-workload/api';
import { controllerRefOf } from '@kubectl-workload/rules';
import { childrenLink, compositeDeletionLink, compositeWorkloadLink } from './links/composite.js';
import { deletionLink } from './links/deletion.js';
import { gatesLink } from './links/gates.js';
import { jobLink } from './links/job.js';
import { liveLink } from './links/live.js';
import { label, named } from './links/objects.js';
import { parentLink } from './links/parent.js';
import { podGroupByNameLink, podGroupFromTemplateLink } from './links/podgroup.js';
import { podsLink } from './links/pods.js';
import { placementLink } from './links/placement.js';
import { schedulerNameLink } from './links/scheduler-name.js';
import { templateLink } from './links/template.js';
import { workloadLink } from './links/workload.js';
import { info, type Diagnosis, type ExplainInput, type LinkCheck, type LinkResult, type Walk } from './model.js';
import type { ResolvedTarget } from './target.js';

export const CHAIN: readonly LinkCheck[] = [
  jobLink,
  podGroupByNameLink,
  workloadLink,
  compositeWorkloadLink,
  podGroupFromTemplateLink,
  deletionLink,
  compositeDeletionLink,
  parentLink,
  childrenLink,
  podsLink,
  gatesLink,
  schedulerNameLink,
  templateLink,
  placementLink,
  liveLink,
];

/** Where the walk starts, and a first note when a Pod outside any group is explained through its Job. */
function start(target: ResolvedTarget, input: ExplainInput): { walk: Walk; notes: LinkResult[] } {
  const namespace = target.ref.namespace;
  switch (target.ref.kind) {
    case 'Job':
      return { walk: { namespace, job: target.object }, notes: [] };
    case 'Workload':
      return { walk: { namespace, workload: target.object }, notes: [] };
    case 'PodGroup':
      return { walk: { namespace, podGroup: target.object }, notes: [] };
    case 'CompositePodGroup':
      return { walk: { namespace, compositePodGroup: target.object }, notes: [] };
    case 'Pod': {
      const pod = target.object as Pod;
      const group = pod.spec?.schedulingGroup?.podGroupName;
      if (group) return { walk: { namespace, podGroupName: group }, notes: [] };
      const owner = controllerRefOf(pod);
      const job = owner?.kind === 'Job' ? named(input.state.jobs, namespace, owner.name) : undefined;
      const note = info(
        'podgroup',
        `Pod ${label(pod)} names no PodGroup (no spec.schedulingGroup)${job ? `; following its Job ${label(job)}` : ': it is scheduled on its own'}`,
      );
      return { walk: job ? { namespace, job, pod } : { namespace, pod }, notes: [note] };
    }
  }
}

export function explain(target: ResolvedTarget, input: ExplainInput): Diagnosis {
  const first = start(target, input);
  let walk = first.walk;
  const links: LinkResult[] = [...first.notes];
  for (const check of CHAIN) {
    const outcome = check(walk, input);
    if (!outcome) continue;
    links.push(outcome.result);
    walk = outcome.walk;
    if (outcome.result.status === 'broken') break;
  }
  return {
    target: target.ref,
    links,
    broken: links.find((l) => l.status === 'broken') ?? null,
    placement: walk.placement ?? null,
    live: walk.live ?? null,
    kueue: walk.kueue ?? null,
  };
}
