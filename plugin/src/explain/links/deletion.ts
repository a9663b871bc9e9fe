// Link 3b: the PodGroup is not being deleted. A deleted PodGroup stays, with its deletionTimestamp,
// until the PodGroup protection controller removes the scheduling.k8s.io/podgroup-protection
// finalizer, which it does only once no pod naming the group is active (PG-51, X-07): name those pods.

import { isTerminal, nameOf, type Pod } from '@kubectl-workload/api';
import { FOLD_ABOVE } from '../../output/fold.js';
import { groupBy } from '../../group-by.js';
import { broken, type LinkCheck } from '../model.js';
import { label, plural, podsNaming } from './objects.js';

const PODGROUP_PROTECTION_FINALIZER = 'scheduling.k8s.io/podgroup-protection';

/** How many pod names a folded line shows before `(+N more)`. */
const NAMES_PER_LINE = 3;

function podState(pod: Pod): string {
  const phase = pod.status?.phase ?? 'Pending';
  return pod.metadata?.deletionTimestamp ? `${phase}, terminating` : phase;
}

/** One line per pod, or past FOLD_ABOVE one line per state naming the first few. */
function podLines(pods: readonly Pod[]): string[] {
  if (pods.length <= FOLD_ABOVE) return pods.map((p) => `${nameOf(p)} ${podState(p)}${p.spec?.nodeName ? ` on ${p.spec.nodeName}` : ''}`);
  return [...groupBy(pods, podState)].map(([state, list]) => {
    const names = list.slice(0, NAMES_PER_LINE).map(nameOf).join(', ');
    const more = list.length > NAMES_PER_LINE ? ` (+${list.length - NAMES_PER_LINE} more)` : '';
    return `${plural(list.length, 'pod')} ${state}: ${names}${more}`;
  });
}

export const deletionLink: LinkCheck = (walk, input) => {
  const group = walk.podGroup;
  const deletedAt = group?.metadata?.deletionTimestamp;
  if (!group || !deletedAt) return undefined;
  const finalizers = group.metadata?.finalizers ?? [];
  const refs = ['PG-51', 'X-07'];
  if (!finalizers.includes(PODGROUP_PROTECTION_FINALIZER)) {
    const others = finalizers.length ? `its finalizers ${finalizers.join(', ')} are removed` : 'the API server removes it';
    return {
      result: broken(
        'deletion',
        `PodGroup ${label(group)} is being deleted: it goes once ${others}; its pods no longer keep it`,
        finalizers.length
          ? `the controllers that own ${finalizers.join(', ')} must remove them; recreate the PodGroup afterwards if its pods still need it`
          : 'wait for it to go, then recreate it if its pods still need it',
        [],
        refs,
        deletedAt,
      ),
      walk,
    };
  }
  const active = podsNaming(input.state.pods, group).filter((p) => !isTerminal(p));
  if (active.length === 0) {
    return {
      result: broken(
        'deletion',
        `PodGroup ${label(group)} is being deleted and no active pod names it, yet ${PODGROUP_PROTECTION_FINALIZER} is still set`,
        'the PodGroup protection controller of kube-controller-manager (GenericWorkload) removes the finalizer: check that it runs and its logs',
        [],
        refs,
        deletedAt,
      ),
      walk,
    };
  }
  const owners = new Set(active.map((p) => p.metadata?.ownerReferences?.find((r) => r.controller)?.kind).filter((k) => k));
  const orTheirs = owners.size ? ` (or their ${[...owners].join('/')})` : '';
  // An unbound pod never reaches Succeeded/Failed by itself: only deleting it frees the group.
  const unbound = active.filter((p) => !p.spec?.nodeName).length;
  const act = unbound
    ? `delete the pods${orTheirs}: ${unbound} of them ${unbound === 1 ? 'is' : 'are'} not on a node and will not finish on ${unbound === 1 ? 'its' : 'their'} own`
    : `let the pods finish, or delete them${orTheirs}`;
  return {
    result: {
      ...broken(
        'deletion',
        `PodGroup ${label(group)} is being deleted: ${PODGROUP_PROTECTION_FINALIZER} keeps it until ${plural(active.length, 'pod')} naming it ${active.length === 1 ? 'is' : 'are'} Succeeded, Failed or gone`,
        `${act}; do not remove the finalizer by hand while pods still name the group`,
        podLines(active),
        refs,
        deletedAt,
      ),
      objects: active.map(label),
    },
    walk,
  };
};
