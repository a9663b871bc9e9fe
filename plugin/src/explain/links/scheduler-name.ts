// Link 5: all pods of a group share spec.schedulerName, or the scheduler fails every one of them
// (X-09, X-18; scheduler.md §1.2).

import { nameOf } from '@kubectl-workload/api';
import { broken, ok, type LinkCheck } from '../model.js';

const DEFAULT_SCHEDULER = 'default-scheduler';

export const schedulerNameLink: LinkCheck = (walk) => {
  const pods = walk.pods;
  if (!pods?.length) return undefined;
  const names = pods.map((p) => p.spec?.schedulerName || DEFAULT_SCHEDULER);
  const distinct = [...new Set(names)];
  const [first = DEFAULT_SCHEDULER, second] = distinct;
  if (second === undefined) return { result: ok('scheduler-name', `all pods use scheduler "${first}"`), walk };
  const odd = pods.filter((p) => (p.spec?.schedulerName || DEFAULT_SCHEDULER) !== first).map((p) => nameOf(p));
  return {
    result: broken(
      'scheduler-name',
      `all pods in a single pod group should have the same .spec.schedulerName set, got: "${first}" and "${second}"`,
      `recreate ${odd.join(', ')} with spec.schedulerName: ${first} (the scheduler rejects every pod of the group until they agree)`,
      distinct.map((n) => `${n}: ${names.filter((x) => x === n).length} pods`),
      ['X-09', 'X-18'],
    ),
    walk,
  };
};
