// Link 8: what the cluster says. The simulation placing the gang answers nothing while live state
// contradicts it (a PodGroupScheduled=False condition, the newest Warning event about a pod still
// waiting): then this link breaks, names what was observed and what the simulation cannot see.

import { nameOf, type Pod } from '@kubectl-workload/api';
import { broken, ok, type LinkCheck } from '../model.js';
import { plural } from './objects.js';

const listed = (pods: readonly Pod[]) => pods.map((p) => nameOf(p)).join(', ');

/** What the simulator leaves out that these pods use, then what it can never know. */
function unseen(pods: readonly Pod[]): string[] {
  const lines: string[] = [];
  const claimsDevices = pods.filter((p) => p.spec?.resourceClaims?.length);
  if (claimsDevices.length)
    lines.push(`ResourceClaims on ${listed(claimsDevices)}: dynamic resource allocation (DynamicResources) is not simulated`);
  lines.push(
    'a scheduler that has not retried since the cluster changed: unschedulable pods wait for a cluster event or up to 5 minutes before the next attempt',
    'a scheduler configured unlike the default profile (other plugins, weights or a --config the simulation does not read)',
  );
  return lines;
}

export const liveLink: LinkCheck = (walk) => {
  const { live, pods } = walk;
  if (!live || !pods || walk.placement?.outcome !== 'Scheduled') return undefined;
  const contradiction = live.contradiction;
  if (!contradiction) {
    const said = live.condition
      ? `PodGroupScheduled=${live.condition.status}/${live.condition.reason}`
      : 'no PodGroupScheduled condition or Warning event';
    return { result: ok('live', `nothing observed contradicts the simulation (${said})`), walk };
  }
  const waiting = pods.filter((p) => !p.spec?.nodeName);
  return {
    result: broken(
      'live',
      `the simulation places the gang, but the cluster reported ${contradiction.observed}`,
      `find what the simulation cannot see for ${plural(waiting.length, 'waiting pod')}; check \`kubectl describe pod ${nameOf(waiting[0] ?? pods[0] ?? {})}\` and the scheduler's log`,
      unseen(waiting).map((line) => `not seen by the simulation: ${line}`),
      ['scheduler.md §1.6'],
      contradiction.at ?? undefined,
    ),
    walk,
  };
};
