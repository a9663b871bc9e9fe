// Link 8: what the cluster says. The simulation placing the gang answers nothing while live state
// contradicts it (a PodGroupScheduled=False condition, the newest Warning event about a pod still
// waiting): then this link breaks, names what was observed and what the simulation cannot see.

import { nameOf } from '@kubectl-workload/api';
import { broken, ok, type LinkCheck } from '../model.js';
import { plural } from './objects.js';

/** What the simulation can never know (gates, volumes and DRA claims it simulates). */
const UNSEEN = [
  'a scheduler that has not retried since the cluster changed: unschedulable pods wait for a cluster event or up to 5 minutes before the next attempt',
];
/** Only without --scheduler-config: then the simulation ran the default profile. */
const UNSEEN_CONFIG =
  'a scheduler configured unlike the default profile (other plugins or weights): give its KubeSchedulerConfiguration with --scheduler-config';

export const liveLink: LinkCheck = (walk, input) => {
  const { live, pods } = walk;
  if (!live || !pods || walk.placement?.outcome !== 'Scheduled') return undefined;
  const contradiction = live.contradiction;
  if (!contradiction) {
    const said = live.condition
      ? `${live.conditionType}=${live.condition.status}/${live.condition.reason}`
      : `no ${live.conditionType} condition or Warning event`;
    return { result: ok('live', `nothing observed contradicts the simulation (${said})`), walk };
  }
  const waiting = pods.filter((p) => !p.spec?.nodeName);
  return {
    result: broken(
      'live',
      `the simulation places the gang, but the cluster reported ${contradiction.observed}`,
      `find what the simulation cannot see for ${plural(waiting.length, 'waiting pod')}; check \`kubectl describe pod ${nameOf(waiting[0] ?? pods[0] ?? {})}\` and the scheduler's log`,
      [...UNSEEN, ...(input.setup?.config ? [] : [UNSEEN_CONFIG])].map((line) => `not seen by the simulation: ${line}`),
      ['scheduler.md §1.6'],
      contradiction.at ?? undefined,
    ),
    walk,
  };
};
