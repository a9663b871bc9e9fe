// `explain TARGET`: `podgroup/NAME`, `pod/NAME`, `job/NAME`, `workload/NAME`, `compositepodgroup/NAME`
// (1.37), or a bare NAME looked up as a PodGroup, then a Pod, a Job, a Workload and a CompositePodGroup,
// in the target namespace.

import { nameOf, namespaceOf, type KubeObject } from '@kubectl-workload/api';
import { didYouMean, type ClusterState } from '@kubectl-workload/cluster';
import { UserError } from '../exit.js';
import type { TargetKind, TargetRef } from './model.js';

/** The prefixes kubectl users type for each kind (plural and short forms included). */
const KIND_WORDS: Readonly<Record<string, TargetKind>> = {
  podgroup: 'PodGroup',
  podgroups: 'PodGroup',
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  job: 'Job',
  jobs: 'Job',
  workload: 'Workload',
  workloads: 'Workload',
  // No short name: upstream registers none for compositepodgroups.
  compositepodgroup: 'CompositePodGroup',
  compositepodgroups: 'CompositePodGroup',
};

/** The order a bare NAME is resolved in. */
export const RESOLUTION_ORDER: readonly TargetKind[] = ['PodGroup', 'Pod', 'Job', 'Workload', 'CompositePodGroup'];

/** "PodGroup, Pod, Job, Workload or CompositePodGroup": what a bare NAME may be. */
export const BARE_NAME_KINDS = `${RESOLUTION_ORDER.slice(0, -1).join(', ')} or ${RESOLUTION_ORDER.at(-1) ?? ''}`;

const FIELD_OF: Record<TargetKind, 'podGroups' | 'pods' | 'jobs' | 'workloads' | 'compositePodGroups'> = {
  PodGroup: 'podGroups',
  CompositePodGroup: 'compositePodGroups',
  Pod: 'pods',
  Job: 'jobs',
  Workload: 'workloads',
};

const RESOURCE_OF: Record<TargetKind, string> = {
  PodGroup: 'podgroups.scheduling.k8s.io',
  CompositePodGroup: 'compositepodgroups.scheduling.k8s.io',
  Pod: 'pods',
  Job: 'jobs.batch',
  Workload: 'workloads.scheduling.k8s.io',
};

export interface ResolvedTarget {
  readonly ref: TargetRef;
  readonly object: KubeObject;
}

function objectsOf(state: ClusterState, kind: TargetKind, namespace: string | undefined): KubeObject[] {
  return (state[FIELD_OF[kind]] as KubeObject[]).filter((o) => namespace === undefined || namespaceOf(o) === namespace);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' or ');

/** Namespaces holding an object of these kinds with this name. */
function namespacesHolding(name: string, kinds: readonly TargetKind[], state: ClusterState): string[] {
  return [
    ...new Set(
      kinds.flatMap((kind) =>
        objectsOf(state, kind, undefined)
          .filter((o) => nameOf(o) === name)
          .map((o) => namespaceOf(o)),
      ),
    ),
  ].sort();
}

/** `-A`: the one namespace that holds the target, or an error naming them all. */
function soleNamespace(text: string, name: string, kinds: readonly TargetKind[], state: ClusterState): string {
  const namespaces = namespacesHolding(name, kinds, state);
  if (namespaces.length > 1) throw new UserError(`"${text}" exists in namespaces ${quoted(namespaces)}: give one with -n NAMESPACE`);
  if (namespaces.length === 0) throw new UserError(`no ${BARE_NAME_KINDS} named "${name}" in any namespace`);
  return namespaces[0] as string;
}

/** `namespace` undefined (-A): the target is looked up in every namespace and must be in one. */
export function resolveTarget(text: string, namespace: string | undefined, state: ClusterState): ResolvedTarget {
  const slash = text.indexOf('/');
  const word = slash >= 0 ? text.slice(0, slash).toLowerCase() : undefined;
  const name = slash >= 0 ? text.slice(slash + 1) : text;
  const explicit = word === undefined ? undefined : KIND_WORDS[word];
  if (word !== undefined && !explicit) {
    throw new UserError(
      `unknown kind "${word}" in "${text}": use podgroup/NAME, pod/NAME, job/NAME, workload/NAME, compositepodgroup/NAME or NAME`,
    );
  }
  if (!name) throw new UserError(`no name in "${text}"`);
  const kinds = explicit ? [explicit] : RESOLUTION_ORDER;
  if (namespace === undefined) return resolveTarget(text, soleNamespace(text, name, kinds, state), state);
  for (const kind of kinds) {
    const object = objectsOf(state, kind, namespace).find((o) => nameOf(o) === name);
    if (object) return { ref: { kind, namespace, name }, object };
  }
  const candidates = kinds.flatMap((kind) => objectsOf(state, kind, namespace).map((o) => nameOf(o)));
  const elsewhere = namespacesHolding(name, kinds, state);
  const hint = elsewhere.length
    ? `; it exists in namespace ${quoted(elsewhere)} (use -n ${elsewhere[0] ?? ''})`
    : didYouMean(name, candidates);
  const what = explicit ? `${RESOURCE_OF[explicit]} "${name}"` : `no ${BARE_NAME_KINDS} named "${name}"`;
  throw new UserError(`${explicit ? `${what} not found` : what} in namespace "${namespace}"${hint}`);
}
